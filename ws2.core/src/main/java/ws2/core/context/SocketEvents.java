package ws2.core.context;

import ws2.core.socket.CoreSocket;

/**
 * What client contexts report about their sockets, for the WinEvent announcements. Called in the
 * client's thread, after the change, with no core lock held.
 */
public interface SocketEvents {
    /**
     * A socket was created (by {@code socket} or {@code accept}).
     *
     * @param s the socket
     */
    void created(CoreSocket s);

    /**
     * A socket was closed with {@code closesocket} (or its context ended).
     *
     * @param s the socket
     */
    void destroyed(CoreSocket s);

    /**
     * A socket's connection state changed ({@link CoreSocket#connection()}).
     *
     * @param s the socket
     */
    void connectionChanged(CoreSocket s);

    /** Reports nothing, where no one listens. */
    SocketEvents NONE = new SocketEvents() {
        @Override
        public void created(CoreSocket s) {
        }

        @Override
        public void destroyed(CoreSocket s) {
        }

        @Override
        public void connectionChanged(CoreSocket s) {
        }
    };
}
