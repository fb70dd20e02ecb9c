package ws2.api;

/**
 * A message taken from a {@link WindowHandle}'s queue: the {@code MSG} that {@code GetMessage}
 * fills. Network events posted by {@code WSAAsyncSelect} carry the socket in {@code wParam} and
 * the event and its error in {@code lParam}; {@link #selectEvent()} and {@link #selectError()} are
 * {@code WSAGETSELECTEVENT} and {@code WSAGETSELECTERROR}.
 *
 * @param message the message number ({@code message})
 * @param wParam the first parameter
 * @param lParam the second parameter
 */
public record WindowMessage(int message, long wParam, long lParam) {
    /**
     * Makes the {@code lParam} of a network event ({@code WSAMAKESELECTREPLY}).
     *
     * @param event one {@code FD_*} bit
     * @param error 0 or the event's {@code WSAE*} code
     * @return the packed value
     */
    public static long selectReply(int event, int error) {
        return ((long) (error & 0xFFFF) << 16) | (event & 0xFFFF);
    }

    /**
     * Returns the network event of an async-select message ({@code WSAGETSELECTEVENT}).
     *
     * @return one {@code FD_*} bit
     */
    public int selectEvent() {
        return (int) (lParam & 0xFFFF);
    }

    /**
     * Returns the error of an async-select message ({@code WSAGETSELECTERROR}).
     *
     * @return 0 or a {@code WSAE*} code
     */
    public int selectError() {
        return (int) ((lParam >>> 16) & 0xFFFF);
    }
}
