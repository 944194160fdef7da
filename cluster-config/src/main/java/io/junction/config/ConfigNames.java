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

    /** The names of {@code constants}, for an error message: {@code off, required, verify_ca, verify_identity}. */
    static String list(Enum<?>[] constants) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> constant : constants) {
            names.append(names.isEmpty() ? "" : ", ").append(of(constant));
        }
        return names.toString();
    }
}
