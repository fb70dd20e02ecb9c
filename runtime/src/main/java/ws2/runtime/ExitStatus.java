package ws2.runtime;

/**
 * The exit statuses of the launcher, the contract scripts calling {@code java -jar ws2-runtime.jar} rely on.
 */
final class ExitStatus {

    /** Every command succeeded, the shell ended, or usage was asked for. */
    static final int OK = 0;

    /** A command given with {@code -c} or on standard input failed; the commands after it did not run. */
    static final int COMMAND_FAILED = 1;

    /** The command line was not understood. */
    static final int USAGE = 2;

    /** The runtime did not start: the home folder could not be prepared or a bundle failed to resolve or start. */
    static final int BOOT_FAILED = 3;

    /** The launcher itself failed, a bug; the stack trace is on standard error. */
    static final int INTERNAL_ERROR = 4;

    private ExitStatus() {
    }
}
