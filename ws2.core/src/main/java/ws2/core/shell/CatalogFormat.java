package ws2.core.shell;

import java.util.List;
import java.util.Locale;

import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;

/**
 * Formats catalog entries as {@code netsh winsock show catalog} prints them, with the lines ws2
 * adds: provider flags, the chain's members and whether the entry can be used now.
 */
final class CatalogFormat {
    private static final String RULE = "------------------------------------------------------";

    private CatalogFormat() {
    }

    static String format(CatalogView view, List<CatalogEntry> entries) {
        StringBuilder sb = new StringBuilder();
        String heading = view == CatalogView.NATIVE ? "Winsock Catalog Provider Entry"
                : "Winsock 32-bit Catalog Provider Entry";
        for (CatalogEntry e : entries) {
            ProtocolInfo i = e.info();
            ProtocolChain chain = i.protocolChain();
            sb.append('\n').append(heading).append('\n').append(RULE).append('\n');
            line(sb, "Entry Type", chain.isBase() ? "Base Service Provider"
                    : chain.isLayered() ? "Layered Service Provider" : "Layered Chain Entry");
            line(sb, "Description", i.protocolName());
            line(sb, "Provider ID", "{" + i.providerId().toString().toUpperCase(Locale.ROOT) + "}");
            line(sb, "Provider Path", e.providerPath());
            line(sb, "Catalog Entry ID", Integer.toString(i.catalogEntryId()));
            line(sb, "Version", Integer.toString(i.version()));
            line(sb, "Address Family", Integer.toString(i.addressFamily()));
            line(sb, "Max Address Length", Integer.toString(i.maxSockAddr()));
            line(sb, "Min Address Length", Integer.toString(i.minSockAddr()));
            line(sb, "Socket Type", Integer.toString(i.socketType()));
            line(sb, "Protocol", Integer.toString(i.protocol()));
            line(sb, "Service Flags", "0x" + Integer.toHexString(i.serviceFlags1()));
            line(sb, "Provider Flags", "0x" + Integer.toHexString(i.providerFlags()));
            line(sb, "Protocol Chain Length", Integer.toString(chain.length()));
            if (chain.isChain()) {
                line(sb, "Protocol Chain", chain.toString());
            }
            line(sb, "Available", !e.available() ? "No: " + e.reason() : e.reason().isEmpty() ? "Yes" : "Yes, " + e.reason());
        }
        if (entries.isEmpty()) {
            sb.append("The ").append(view == CatalogView.NATIVE ? "native" : "32-bit").append(" catalog is empty.\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(':');
        for (int i = label.length() + 1; i < 36; i++) {
            sb.append(' ');
        }
        sb.append(value).append('\n');
    }
}
