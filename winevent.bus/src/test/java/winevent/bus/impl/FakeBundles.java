package winevent.bus.impl;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;

/** Bundles for tests that need only an identity. */
final class FakeBundles {
    private FakeBundles() {
    }

    /**
     * Makes a bundle that answers its ID and symbolic name.
     *
     * @param id the bundle ID
     * @param symbolicName the symbolic name
     * @return the bundle; other methods throw
     */
    static Bundle bundle(long id, String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBundleId": return id;
                        case "getSymbolicName": return symbolicName;
                        case "hashCode": return Long.hashCode(id);
                        case "equals": return proxy == args[0];
                        case "toString": return symbolicName + " [" + id + "]";
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
