package ws2.api;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The condition function of {@code WSAAccept}/{@code WSPAccept} ({@code LPCONDITIONPROC}): decides,
 * in the accepting thread, whether to accept, reject or defer the first pending connection.
 */
@ConsumerType
@FunctionalInterface
public interface AcceptCondition {
    /** Accept the connection. */
    int CF_ACCEPT = 0x0000;
    /**
     * Reject it. The peer sees {@code WSAECONNREFUSED} where the transport can refuse the handshake;
     * a transport that completes it before {@code accept} (TCP on java.nio) resets the connection
     * instead, and the peer sees {@code WSAECONNRESET}.
     */
    int CF_REJECT = 0x0001;
    /** Leave it on the backlog; the accept fails with {@code WSATRY_AGAIN}. */
    int CF_DEFER = 0x0002;

    /**
     * Decides about a pending connection.
     *
     * @param callerId the peer's address ({@code lpCallerId})
     * @param callerData connect data from the peer, or null ({@code lpCallerData})
     * @param sqos the peer's flow specs, or null ({@code lpSQOS})
     * @param gqos reserved group QOS, or null ({@code lpGQOS})
     * @param calleeId the local address ({@code lpCalleeId})
     * @param calleeData a provider buffer for data to send back, or null when unsupported ({@code lpCalleeData})
     * @return {@link #CF_ACCEPT}, {@link #CF_REJECT} or {@link #CF_DEFER}
     */
    int condition(SockAddr callerId, ByteBuffer callerData, Qos sqos, Qos gqos, SockAddr calleeId,
            ByteBuffer calleeData);
}
