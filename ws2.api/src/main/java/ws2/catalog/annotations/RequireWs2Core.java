package ws2.catalog.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;

import ws2.catalog.ProviderNamespaces;

/**
 * Requires the ws2.core provider extender: a bundle carrying it resolves only where ws2.core runs,
 * and a resolver pulls ws2.core in. Every catalog annotation carries it, so a provider needs not
 * write it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE, ElementType.ANNOTATION_TYPE})
@Requirement(namespace = "osgi.extender", name = ProviderNamespaces.EXTENDER_NAME,
        version = ProviderNamespaces.SPEC_VERSION)
public @interface RequireWs2Core {
}
