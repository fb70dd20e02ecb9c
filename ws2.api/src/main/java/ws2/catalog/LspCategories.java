package ws2.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Layered service provider categories ({@code LSP_*}), values as in {@code ws2spi.h}: set on a
 * layer with {@code WSCSetProviderInfo} and permitted for an application with
 * {@code WSCSetApplicationCategory}.
 */
public final class LspCategories {
    /** Acceptable in services and system processes. */
    public static final int LSP_SYSTEM = 0x80000000;
    /** Inspects or filters data without altering it. */
    public static final int LSP_INSPECTOR = 0x00000001;
    /** Network redirector. */
    public static final int LSP_REDIRECTOR = 0x00000002;
    /** Proxy that redirects packets. */
    public static final int LSP_PROXY = 0x00000004;
    /** Firewall. */
    public static final int LSP_FIREWALL = 0x00000008;
    /** Modifies inbound data. */
    public static final int LSP_INBOUND_MODIFY = 0x00000010;
    /** Modifies outbound data. */
    public static final int LSP_OUTBOUND_MODIFY = 0x00000020;
    /** Cryptography or compression. */
    public static final int LSP_CRYPTO_COMPRESS = 0x00000040;
    /** Local cache. */
    public static final int LSP_LOCAL_CACHE = 0x00000080;

    private static final String[] NAMES = {"LSP_INSPECTOR", "LSP_REDIRECTOR", "LSP_PROXY", "LSP_FIREWALL",
        "LSP_INBOUND_MODIFY", "LSP_OUTBOUND_MODIFY", "LSP_CRYPTO_COMPRESS", "LSP_LOCAL_CACHE"};

    private LspCategories() {
    }

    /**
     * Names the categories set in a value.
     *
     * @param categories {@code LSP_*} bits
     * @return their names, lowest bit first, {@code LSP_SYSTEM} last; empty for 0
     */
    public static List<String> names(int categories) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((categories & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        if ((categories & LSP_SYSTEM) != 0) {
            out.add("LSP_SYSTEM");
        }
        return List.copyOf(out);
    }

    /**
     * The Windows load rule: whether a layer with {@code lsp} categories loads into an application
     * with {@code app} permitted categories. An uncategorized application ({@code app == null})
     * loads every layer; otherwise the layer needs at least one category, only categories the
     * application permits, and {@code LSP_SYSTEM} whenever the application has it.
     *
     * @param app the application's permitted categories, or null when it is not categorized
     * @param lsp the layer's categories
     * @return true if the layer loads
     */
    public static boolean loads(Integer app, int lsp) {
        if (app == null) {
            return true;
        }
        int permitted = app;
        return lsp != 0 && (lsp & ~permitted) == 0 && ((permitted & LSP_SYSTEM) == 0 || (lsp & LSP_SYSTEM) != 0);
    }
}
