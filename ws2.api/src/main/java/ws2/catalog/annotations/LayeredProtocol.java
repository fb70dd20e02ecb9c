package ws2.catalog.annotations;

import static ws2.catalog.ProviderNamespaces.ATTR_ABOVE;
import static ws2.catalog.ProviderNamespaces.ATTR_BELOW;
import static ws2.catalog.ProviderNamespaces.ATTR_CATALOGS;
import static ws2.catalog.ProviderNamespaces.ATTR_CATEGORIES;
import static ws2.catalog.ProviderNamespaces.ATTR_FAILURE;
import static ws2.catalog.ProviderNamespaces.ATTR_OVER;
import static ws2.catalog.ProviderNamespaces.ATTR_PROTOCOL_NAME;
import static ws2.catalog.ProviderNamespaces.ATTR_RANK;
import static ws2.catalog.ProviderNamespaces.LAYERED_NAMESPACE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Capability;

import ws2.spi.layer.LayeredTransportProvider;

/**
 * Declares a layered service provider: what an installer would pass to
 * {@code WSCInstallProviderAndChains}, plus what ws2 needs to stack layers deterministically.
 *
 * <p>Put it on the layer's DS component class. bnd writes one {@code Provide-Capability} clause in
 * the {@code ws2.layered} namespace. When the bundle starts, ws2.core installs the layer's hidden
 * layered entry (chain length 0) and, for every base entry its {@link #over} filter matches, one
 * chain entry holding every layer over that base, ordered by {@link #rank} (ties by GUID), placed
 * just ahead of the base entry. The same set of layers always gives the same chains, whatever the
 * order they arrive in.
 *
 * <pre>
 * &#64;LayeredProtocol(providerId = MetricsProvider.ID, name = "ws2 Metrics",
 *         categories = LspCategories.LSP_INSPECTOR, over = "(type=1)", rank = 900, failClosed = false)
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@RequireWs2Core
@Capability(namespace = LAYERED_NAMESPACE, name = "${#providerId}", uses = LayeredTransportProvider.class, attribute = {
    ATTR_PROTOCOL_NAME + "=\"${#name}\"",
    ATTR_CATEGORIES + ":Long=${#categories}",
    ATTR_OVER + "=\"${#over}\"",
    ATTR_RANK + ":Long=${#rank}",
    ATTR_FAILURE + "=\"${#failure}\"",
    ATTR_ABOVE + ":List<String>=\"${#above}\"",
    ATTR_BELOW + ":List<String>=\"${#below}\"",
    ATTR_CATALOGS + ":List<String>=\"${#catalogs}\""
})
public @interface LayeredProtocol {
    /**
     * The layer's GUID; the same string as its {@link ProviderId} service property.
     *
     * @return a GUID
     */
    String providerId();

    /**
     * The LSP name ({@code lpszLspName}): the layered entry's {@code szProtocol}, and the start of
     * its chains' names ("name over [base]").
     *
     * @return 1..255 characters, without double quotes
     */
    String name();

    /**
     * The LSP categories, as {@code WSCSetProviderInfo(LspCategories)} would set them.
     *
     * @return {@code LSP_*} bits; 0 means "all other", never loaded into a categorized client
     */
    int categories() default 0;

    /**
     * Which base entries the layer goes over: an LDAP filter on {@code family}, {@code type},
     * {@code protocol}, {@code protocolName}, {@code providerId}, {@code serviceFlags},
     * {@code providerFlags}.
     *
     * @return the filter, or empty for every base entry
     */
    String over() default "";

    /**
     * Its rank: in a chain, higher ranks sit nearer the application, lower ones nearer the base.
     *
     * @return the rank
     */
    int rank() default 500;

    /**
     * What happens to new sockets on its chains while the layer is absent.
     *
     * @return {@code "closed"} (they fail) or {@code "open"} (they bypass it)
     */
    String failure() default "open";

    /**
     * Layers this one must sit above when they share a chain; a rank that breaks it is refused.
     *
     * @return GUIDs
     */
    String[] above() default {};

    /**
     * Layers this one must sit below when they share a chain; a rank that breaks it is refused.
     *
     * @return GUIDs
     */
    String[] below() default {};

    /**
     * The catalog views the layer goes into.
     *
     * @return {@code native} and/or {@code compat32}
     */
    String[] catalogs() default {"native", "compat32"};
}
