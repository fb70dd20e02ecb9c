package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.InetAddress;
import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
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
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * The asynchronous contract through a protocol chain of three pass-through layers over tcpip:
 * every overlapped, event-select, async-select, completion-port, AcceptEx/ConnectEx, duplicate and
 * cancel path goes down {@code ForwardingDispatch} and its completions come back to the client's
 * handle (the classic LSP failure, async I/O breaking through a layer, must not happen).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LayeredAsyncIT extends AsyncContract {
    static final String CHAIN = "ws2 Pass-through C over [ws2 Pass-through B over [ws2 Pass-through A over [ws2 Tcpip [TCP/IP]]]]";

    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("ws2.provider.passthrough"));
    }

    @Override
    protected void awaitProvider() {
        Ws2TestSupport.await("the three-layer TCP/IP chain with every layer present", Duration.ofSeconds(10),
                () -> chain() != null && chain().available() && chain().reason().isEmpty());
    }

    private CatalogEntry chain() {
        return Ws2TestSupport.entry(catalog, CHAIN);
    }

    @Override
    protected SocketHandle stream() throws WsaException {
        SocketHandle s = ws.socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP);
        assertEquals("the socket is made on the chain", chain().info().catalogEntryId(), s.catalogEntryId());
        return s;
    }

    @Override
    protected SockAddr anyLocal() {
        return SockAddr.of(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    public void theChainIsTheFirstTcpEntryAndIsNotIfs() {
        CatalogEntry first = catalog.entries(CatalogView.NATIVE).get(0);
        assertEquals(CHAIN, first.info().protocolName());
        assertTrue(first.info().protocolChain().isChain());
        assertEquals(4, first.info().protocolChain().length());
    }

    @Override
    protected boolean portThreadsLeadTheLoop() {
        return true; // the layers hand over the tcpip reactor below them
    }
}
