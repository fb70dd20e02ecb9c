package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import ws2.api.AddressFamily;
import ws2.api.FlowSpec;
import ws2.api.IpProtocol;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderCatalog;

/** The asynchronous contract over the tcpip provider (an IFS provider): TCP over IPv4 loopback. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TcpipAsyncIT extends AsyncContract {
    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    @Override
    protected void awaitProvider() {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
    }

    @Override
    protected SocketHandle stream() throws WsaException {
        return ws.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP);
    }

    @Override
    protected SockAddr anyLocal() {
        return SockAddr.of(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    public void udpLeavesJoinAMulticastGroupOnLoopback() throws Exception {
        int leaf = SocketFlags.WSA_FLAG_MULTIPOINT_C_LEAF | SocketFlags.WSA_FLAG_MULTIPOINT_D_LEAF;
        SocketHandle receiver = ws.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP, null, 0,
                leaf);
        ws.setSockOpt(receiver, SockOpt.SO_REUSEADDR, true);
        ws.bind(receiver, SockAddr.of(InetAddress.getByName("0.0.0.0"), 0));
        SockAddr group = SockAddr.of(InetAddress.getByName("239.255.7.7"), ws.getSockName(receiver).port());
        assertSame(receiver, ws.joinLeaf(receiver, group, null, SocketFlags.JL_RECEIVER_ONLY));
        SocketHandle sender = ws.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP, null, 0,
                leaf);
        ws.joinLeaf(sender, group, null, SocketFlags.JL_SENDER_ONLY);
        Overlapped ov = new Overlapped();
        ByteBuffer into = ByteBuffer.allocate(16);
        ws.recvFrom(receiver, new ByteBuffer[] {into}, 0, ov, null);
        ws.send(sender, ByteBuffer.wrap("to the group".getBytes(StandardCharsets.UTF_8)), 0);
        assertEquals(12, ws.getOverlappedResult(receiver, ov, true));
        assertEquals(ws.getSockName(sender).port(), ov.sender().port());
        SocketHandle plain = ws.socket(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP);
        assertEquals(WsaError.WSAEOPNOTSUPP, assertThrows(WsaException.class,
                () -> ws.joinLeaf(plain, group, null, SocketFlags.JL_BOTH)).error());
    }

    @Test
    public void qosTemplatesAreFoundByName() throws Exception {
        SocketHandle s = stream();
        assertEquals(FlowSpec.SERVICETYPE_GUARANTEED, ws.getQosByName(s, "G711").sending().serviceType());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> ws.getQosByName(s, "nope")).error());
    }

    @Override
    protected boolean portThreadsLeadTheLoop() {
        return true; // the tcpip reactor is a completion driver
    }
}
