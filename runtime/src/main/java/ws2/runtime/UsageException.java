package ws2.runtime;

/**
 * The command line could not be parsed; the message says which argument was wrong.
 */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
