package ws2.api;

/**
 * What {@code WSAStartup} returns ({@code WSADATA}); also the {@code WSPDATA} a provider's
 * {@code WSPStartup} returns, whose {@code systemStatus} is empty.
 *
 * @param version the version the caller is expected to use ({@code wVersion}, low byte major)
 * @param highVersion the highest version supported ({@code wHighVersion})
 * @param description a description of the implementation ({@code szDescription})
 * @param systemStatus status or configuration text ({@code szSystemStatus})
 */
public record WsaData(int version, int highVersion, String description, String systemStatus) {
    /**
     * Builds a version word as {@code MAKEWORD(major, minor)}: major in the low byte.
     *
     * @param major the major version
     * @param minor the minor version
     * @return the word, for example {@code 0x0202} for 2.2
     */
    public static int makeWord(int major, int minor) {
        return (minor & 0xFF) << 8 | major & 0xFF;
    }

    /**
     * Returns the major version of a version word ({@code LOBYTE}).
     *
     * @param word a version word
     * @return the major version
     */
    public static int major(int word) {
        return word & 0xFF;
    }

    /**
     * Returns the minor version of a version word ({@code HIBYTE}).
     *
     * @param word a version word
     * @return the minor version
     */
    public static int minor(int word) {
        return word >>> 8 & 0xFF;
    }

    /**
     * Formats a version word.
     *
     * @param word a version word
     * @return for example {@code "2.2"}
     */
    public static String format(int word) {
        return major(word) + "." + minor(word);
    }
}
