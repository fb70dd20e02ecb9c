package ws2.catalog.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Container of repeated {@link TransportProtocol} declarations; written by the compiler. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TransportProtocols {
    /**
     * The declarations.
     *
     * @return the entries, in declaration order
     */
    TransportProtocol[] value();
}
