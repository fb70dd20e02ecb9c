package ws2.api;

import java.nio.ByteBuffer;

/**
 * The optional arguments of {@code WSAConnect}/{@code WSPConnect} and {@code WSPJoinLeaf}: user
 * data exchanged at connection time and requested quality of service. Any part may be null.
 *
 * @param callerData data sent to the peer with the request ({@code lpCallerData})
 * @param calleeData a buffer receiving the peer's data ({@code lpCalleeData})
 * @param sqos the socket's flow specs ({@code lpSQOS})
 * @param gqos the group's flow specs, reserved ({@code lpGQOS})
 */
public record ConnectData(ByteBuffer callerData, ByteBuffer calleeData, Qos sqos, Qos gqos) {
}
