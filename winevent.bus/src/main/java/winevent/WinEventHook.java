package winevent;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A hook handle ({@code HWINEVENTHOOK}), returned by {@link WinEventBus#setWinEventHook} and passed
 * to every call of its callback. Valid until unhooked, until its bundle or module bundle stops, or
 * until the bus isolates it for stalling or failing.
 */
@ProviderType
public interface WinEventHook {
    /**
     * Returns the handle value, unique among the bus's hooks.
     *
     * @return the value
     */
    long value();

    /**
     * Returns the lowest event ID the hook receives.
     *
     * @return {@code eventMin}
     */
    int eventMin();

    /**
     * Returns the highest event ID the hook receives.
     *
     * @return {@code eventMax}
     */
    int eventMax();

    /**
     * Returns the hook's flags.
     *
     * @return {@code WINEVENT_*} bits
     */
    int flags();
}
