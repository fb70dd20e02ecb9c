package ws2.core.namespace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.CsAddrInfo;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.ServiceClassInfo;
import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/** An NSP v1 provider for tests: a name-to-addresses table, with ways to hang, throw and change. */
final class FakeNsp implements NamespaceProvider {
    final Map<String, List<String>> names = new ConcurrentHashMap<>();
    final AtomicInteger begins = new AtomicInteger();
    final AtomicInteger cleanups = new AtomicInteger();
    private final List<Runnable> watchers = new ArrayList<>();
    volatile boolean hang;
    volatile boolean explode;
    private final CountDownLatch never = new CountDownLatch(1);

    FakeNsp with(String name, String... addresses) {
        names.put(name, List.of(addresses));
        return this;
    }

    void change(String name, String... addresses) {
        with(name, addresses);
        List<Runnable> fire;
        synchronized (this) {
            fire = new ArrayList<>(watchers);
            watchers.clear();
        }
        fire.forEach(Runnable::run);
    }

    private static CsAddrInfo address(String a) {
        try {
            return new CsAddrInfo(null, SockAddr.of(InetAddress.getByName(a), 0), 1, 6);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public NspDispatch startup(UUID providerId) {
        return new NspDispatch() {
            @Override
            public NspLookup lookupServiceBegin(QuerySet q, ServiceClassInfo classInfo, int flags) throws WsaException {
                begins.incrementAndGet();
                List<String> found = names.get(q.instanceName());
                if (found == null) {
                    throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "not here: " + q.instanceName());
                }
                Iterator<String> it = List.of(q.instanceName()).iterator();
                return new NspLookup() {
                    @Override
                    public QuerySet next(int f) throws WsaException {
                        if (hang) {
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        if (explode) {
                            throw new IllegalStateException("boom");
                        }
                        if (!it.hasNext()) {
                            throw new WsaException(WsaError.WSA_E_NO_MORE, "done");
                        }
                        return QuerySet.builder().instanceName(it.next()).nameSpace(NameSpaces.NS_DNS)
                                .nsProviderId(providerId).addresses(found.stream().map(FakeNsp::address).toList()).build();
                    }

                    @Override
                    public void end() {
                        never.countDown();
                    }

                    @Override
                    public void notifyChange(Runnable onChange) {
                        synchronized (FakeNsp.this) {
                            watchers.add(onChange);
                        }
                    }
                };
            }

            @Override
            public void cleanup() {
                cleanups.incrementAndGet();
            }
        };
    }
}
