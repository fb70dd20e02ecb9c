package ws2.it;

import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.InetAddress;

import javax.inject.Inject;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import ws2.api.AddressFamily;
import ws2.api.IpProtocol;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
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
}
