package ws2.provider.memory;

/**
 * One connection, made by {@code WSPConnect}: a {@link Pipe} in each direction and the client's
 * name (the server end has its listener's). It waits in its listener's {@link Backlog} until {@code WSPAccept} or {@code AcceptEx}
 * attaches a server end; the client end reads from the start.
 */
final class Link {
    /** Client to server. */
    final Pipe toServer;
    /** Server to client. */
    final Pipe toClient;
    /** The client's name: its bound or assigned name. */
    final String clientName;
    /**
     * Whether an accept condition deferred it ({@code CF_DEFER}); guarded by the listener's lock
     * while the link waits in its backlog.
     */
    boolean deferred;

    /**
     * Makes a connection whose client end reads at once.
     *
     * @param client the connecting endpoint
     * @param clientName its name
     * @param clientSendBuffer the client's {@code SO_SNDBUF}
     * @param serverSendBuffer the listener's {@code SO_SNDBUF}, which the accepted socket inherits
     */
    Link(Endpoint client, String clientName, int clientSendBuffer, int serverSendBuffer) {
        this.clientName = clientName;
        this.toServer = new Pipe(clientSendBuffer);
        this.toClient = new Pipe(serverSendBuffer);
        toClient.reader(client);
    }

    /** Resets both directions. */
    void reset() {
        toServer.reset();
        toClient.reset();
    }

    /**
     * Resets the connection and serves both ends so they see it: a rejected, orphaned or abandoned
     * connection. Called with no lock held.
     */
    void abort() {
        reset();
        Endpoint.pump(toClient.reader());
        Endpoint.pump(toServer.reader());
    }
}
