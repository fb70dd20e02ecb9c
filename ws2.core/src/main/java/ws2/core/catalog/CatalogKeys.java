package ws2.core.catalog;

import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;

/**
 * The keys that give catalog entries stable IDs and applications their categories.
 */
public final class CatalogKeys {
    private CatalogKeys() {
    }

    /**
     * The identity of an entry across redeploys and restarts: provider GUID, protocol triple and
     * chain shape (layered, base, or the IDs of a chain, themselves stable).
     *
     * @param info an entry
     * @return for example {@code "3c2b...-7b90/2/1/6/B"}
     */
    public static String key(ProtocolInfo info) {
        ProtocolChain chain = info.protocolChain();
        String shape = chain.isLayered() ? "L" : chain.isBase() ? "B" : chain.toString().replace(" : ", ":");
        return info.providerId() + "/" + info.addressFamily() + "/" + info.socketType() + "/" + info.protocol() + "/" + shape;
    }

    /**
     * The identity of an application for {@code WSCSetApplicationCategory}: path and extra.
     *
     * @param path the application path (a client context name)
     * @param extra further identity, may be empty
     * @return the key; path and extra are joined with a NUL, which neither may contain
     */
    public static String appKey(String path, String extra) {
        return extra == null || extra.isEmpty() ? path : path + "\u0000" + extra;
    }
}
