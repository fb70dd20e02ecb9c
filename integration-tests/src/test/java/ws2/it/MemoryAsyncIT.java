package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

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
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaException;
import ws2.catalog.ProviderCatalog;

/**
 * The asynchronous contract over the memory provider, a non-IFS provider (handles from
 * {@code WPUCreateSocketHandle}, completions through {@code WPUCompleteOverlappedRequest} and
 * {@code WPUQueueApc}): the same client code as over tcpip, where layered providers on Windows used
 * to break asynchronous I/O.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MemoryAsyncIT extends AsyncContract {
    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithMemory());
    }

    @Override
    protected void awaitProvider() {
        Ws2TestSupport.awaitMemoryAvailable(catalog);
    }

    @Override
    protected SocketHandle stream() throws WsaException {
        return ws.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 0);
    }

    @Override
    protected SockAddr anyLocal() throws WsaException {
        return ws.stringToAddress("", AddressFamily.AF_UNIX, null); // an empty name: one is assigned
    }

    @Test
    public void disconnectDataReachesThePeer() throws Exception {
        Pair p = pair();
        ws.sendDisconnect(p.client(), ByteBuffer.wrap("bye".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the stream ends", 0, ws.recv(p.server(), ByteBuffer.allocate(4), 0));
        ByteBuffer data = ByteBuffer.allocate(16);
        ws.recvDisconnect(p.server(), data);
        assertEquals("bye", new String(data.array(), 0, data.position(), StandardCharsets.UTF_8));
    }

    @Override
    protected boolean portThreadsLeadTheLoop() {
        return false; // no thread of its own: whoever makes a condition true completes
    }
}
