package winevent;

/**
 * The Win32 error codes the WinEvent functions fail with, numeric values as in {@code winerror.h}.
 */
public enum WinEventError {
    /** 5: a client that is not the system notified a system-reserved event ID. */
    ERROR_ACCESS_DENIED(5, "Access is denied."),
    /** 6: the hook, window or atom handle is not valid (or no longer valid). */
    ERROR_INVALID_HANDLE(6, "The handle is invalid."),
    /** 8: no free slot is left (for example, the atom range 0xC000-0xFFFF is exhausted). */
    ERROR_NOT_ENOUGH_MEMORY(8, "Not enough memory resources are available to process this command."),
    /** 87: a parameter is not valid (an event ID outside the defined ranges, a bad atom name). */
    ERROR_INVALID_PARAMETER(87, "The parameter is incorrect."),
    /** 1004: the flags are not a valid combination. */
    ERROR_INVALID_FLAGS(1004, "Invalid flags."),
    /** 1426: {@code eventMin} is greater than {@code eventMax}. */
    ERROR_INVALID_HOOK_FILTER(1426, "Invalid hook procedure type."),
    /** 1427: the callback is null. */
    ERROR_INVALID_FILTER_PROC(1427, "Invalid hook procedure."),
    /** 1428: an in-context hook needs the module that holds its callback. */
    ERROR_HOOK_NEEDS_HMOD(1428, "Cannot set nonlocal hook without a module handle.");

    private final int code;
    private final String text;

    WinEventError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /**
     * Returns the numeric code, as {@code GetLastError} returns it.
     *
     * @return the Win32 value
     */
    public int code() {
        return code;
    }

    /**
     * Returns the standard description.
     *
     * @return one sentence
     */
    public String text() {
        return text;
    }
}
