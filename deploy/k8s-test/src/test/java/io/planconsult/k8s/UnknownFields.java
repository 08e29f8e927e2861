package io.planconsult.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fabric8 and Strimzi models keep a field they do not know in {@code additionalProperties} rather than failing;
 * this walks a parsed object and fails on any such field, naming where it is.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static void assertNone(Object root, String what) {
        List<String> found = new ArrayList<>();
        walk(root, what, found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!found.isEmpty()) {
            throw new AssertionError("unknown fields: " + found);
        }
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        if (value instanceof Record) {
            for (var component : value.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(value), path + "." + component.getName(), found, seen);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                walk(child, path + "." + getter.getName().substring(3), found, seen);
            }
        }
    }
}
