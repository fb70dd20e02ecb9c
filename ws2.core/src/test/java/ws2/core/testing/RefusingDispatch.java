package ws2.core.testing;

import java.nio.ByteBuffer;
import java.time.Duration;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Qos;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.ThreadId;

/** A dispatch that refuses every call with WSAEOPNOTSUPP; test providers override what they need. */
public abstract class RefusingDispatch implements WspDispatch {
    /**
     * The refusal.
     *
     * @param function the WSP function
     * @return WSAEOPNOTSUPP
     */
    protected static WsaException no(String function) {
        return new WsaException(WsaError.WSAEOPNOTSUPP, function + " is not supported by this test provider");
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        throw no("WSPAccept");
    }

    @Override
    public String addressToString(SockAddr address, ProtocolInfo info) throws WsaException {
        throw no("WSPAddressToString");
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        throw no("WSPAsyncSelect");
    }

    @Override
    public void bind(SocketHandle s, SockAddr name) throws WsaException {
        throw no("WSPBind");
    }

    @Override
    public void cancelBlockingCall() throws WsaException {
        throw no("WSPCancelBlockingCall");
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        throw no("WSPConnect");
    }

    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        throw no("WSPDuplicateSocket");
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        throw no("WSPEnumNetworkEvents");
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        throw no("WSPEventSelect");
    }

    @Override
    public int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException {
        throw no("WSPGetOverlappedResult");
    }

    @Override
    public SockAddr getPeerName(SocketHandle s) throws WsaException {
        throw no("WSPGetPeerName");
    }

    @Override
    public SockAddr getSockName(SocketHandle s) throws WsaException {
        throw no("WSPGetSockName");
    }

    @Override
    public <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException {
        throw no("WSPGetSockOpt");
    }

    @Override
    public Qos getQosByName(SocketHandle s, String name) throws WsaException {
        throw no("WSPGetQOSByName");
    }

    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        throw no("WSPIoctl");
    }

    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        throw no("WSPJoinLeaf");
    }

    @Override
    public void listen(SocketHandle s, int backlog) throws WsaException {
        throw no("WSPListen");
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw no("WSPRecv");
    }

    @Override
    public void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException {
        throw no("WSPRecvDisconnect");
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        throw no("WSPRecvFrom");
    }

    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        throw no("WSPSelect");
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw no("WSPSend");
    }

    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        throw no("WSPSendDisconnect");
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        throw no("WSPSendTo");
    }

    @Override
    public <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException {
        throw no("WSPSetSockOpt");
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        throw no("WSPShutdown");
    }

    @Override
    public SockAddr stringToAddress(String address, int af, ProtocolInfo info) throws WsaException {
        throw no("WSPStringToAddress");
    }
}
