package ws2.core.socket;

/**
 * What an adopted socket holds on the provider instance that made it: released once when the
 * socket is closed, so the instance knows when its last socket is gone.
 */
@FunctionalInterface
public interface SocketLease {
    /**
     * Called once, after the provider closed the socket.
     *
     * @param socket the closed socket
     */
    void released(CoreSocket socket);
}
