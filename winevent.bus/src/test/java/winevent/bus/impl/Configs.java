package winevent.bus.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Instances of DS configuration annotations, as SCR makes them: given values, else the defaults. */
final class Configs {
    private Configs() {
    }

    static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            switch (m.getName()) {
                case "annotationType": return type;
                case "toString": return type.getSimpleName() + values;
                case "hashCode": return values.hashCode();
                case "equals": return proxy == args[0];
                default: throw new UnsupportedOperationException(m.getName());
            }
        }));
    }
}
