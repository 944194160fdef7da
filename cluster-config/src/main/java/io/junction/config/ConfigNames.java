package io.junction.config;

import java.util.Locale;

/** Enum constants as config files write them: in lower case ({@code VERIFY_CA} is {@code verify_ca}). */
final class ConfigNames {

    private ConfigNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant {@code name} names, or null if none does. */
    static <E extends Enum<E>> E parse(E[] constants, String name) {
        for (E constant : constants) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
