package ws2.core.testing;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** Bundles for unit tests that need only an identity. */
public final class FakeBundles {
    private FakeBundles() {
    }

    /**
     * Makes a bundle that answers its ID, symbolic name, version and location.
     *
     * @param id the bundle ID
     * @param symbolicName the symbolic name
     * @return the bundle; every other method throws
     */
    public static Bundle bundle(long id, String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBundleId": return id;
                        case "getSymbolicName": return symbolicName;
                        case "getVersion": return Version.parseVersion("1.0.0");
                        case "getLocation": return "test:" + symbolicName;
                        case "hashCode": return Long.hashCode(id);
                        case "equals": return proxy == args[0];
                        case "toString": return symbolicName + " [" + id + "]";
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
