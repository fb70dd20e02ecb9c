package ws2.catalog.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * DS component property type that sets the {@code ws2.provider.id} service property: the provider
 * GUID by which ws2.core joins a provider's service to the catalog entries its bundle declares.
 * Use the same constant here and in the catalog annotations.
 *
 * <pre>
 * &#64;Component(service = TransportProvider.class)
 * &#64;ProviderId(TcpipProvider.ID)
 * &#64;TransportProtocol(providerId = TcpipProvider.ID, ...)
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
public @interface ProviderId {
    /** Prefix making the property name {@code ws2.provider.id}. */
    String PREFIX_ = "ws2.";

    /**
     * The provider GUID.
     *
     * @return the GUID string
     */
    String value();
}
