package ws2.catalog.annotations;

import static ws2.catalog.ProviderNamespaces.ATTR_CATALOGS;
import static ws2.catalog.ProviderNamespaces.ATTR_IDENTIFIER;
import static ws2.catalog.ProviderNamespaces.ATTR_NAME_SPACE;
import static ws2.catalog.ProviderNamespaces.ATTR_NSP_VERSION;
import static ws2.catalog.ProviderNamespaces.NAMESPACE_NAMESPACE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Capability;

/**
 * Declares a namespace provider: what an installer would pass to {@code WSCInstallNameSpace}
 * (identifier, namespace, version, GUID). bnd writes a {@code ws2.namespace} capability; when the
 * bundle starts, ws2.core installs the entry in the namespace catalog (active, at the end of the
 * namespace order), available while a {@code NamespaceProvider} (version 1) or
 * {@code NamespaceProviderV2} (version 2) service with the same {@link ProviderId} is registered.
 *
 * <pre>
 * &#64;NameSpaceProvider(providerId = HostsProvider.ID, identifier = "ws2 Hosts", nameSpace = NameSpaces.NS_DNS)
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@RequireWs2Core
@Capability(namespace = NAMESPACE_NAMESPACE, name = "${#providerId}", attribute = {
    ATTR_IDENTIFIER + "=\"${#identifier}\"",
    ATTR_NAME_SPACE + ":Long=${#nameSpace}",
    ATTR_NSP_VERSION + ":Long=${#version}",
    ATTR_CATALOGS + ":List<String>=\"${#catalogs}\""
})
public @interface NameSpaceProvider {
    /**
     * The provider GUID; the same string as its {@link ProviderId} service property.
     *
     * @return a GUID
     */
    String providerId();

    /**
     * {@code lpszIdentifier}: its display name.
     *
     * @return the name
     */
    String identifier();

    /**
     * {@code dwNameSpace}.
     *
     * @return an {@code NS_*} value
     */
    int nameSpace();

    /**
     * 1 for an NSP v1 provider, 2 for NSPv2.
     *
     * @return the version
     */
    int version() default 1;

    /**
     * The catalog views the entry goes into.
     *
     * @return {@code native} and/or {@code compat32}
     */
    String[] catalogs() default {"native", "compat32"};
}
