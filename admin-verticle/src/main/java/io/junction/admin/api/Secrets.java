package io.junction.admin.api;

import io.junction.config.store.Section;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps credentials inside the node. The API never answers with a user's {@code password}, {@code password_hash} or
 * {@code password_ed25519}, nor the monitor's {@code password}: each is replaced by {@code <key>_set} (true or
 * false), which is all an operator needs to see.
 *
 * <p>Because reads are masked, writes must not force a client to resend secrets it cannot read: a user written
 * without any of the three secret keys keeps the ones stored (send a key with null to remove it). The {@code _set}
 * keys a read returned are accepted back and ignored, so read-modify-write round trips work.
 */
public final class Secrets {
    static final List<String> USER_SECRETS = List.of("password", "password_hash", "password_ed25519");
    private static final String MONITOR_PASSWORD = "password";
    private static final String MONITOR_PASSWORD_VARIABLE = "monitor.password";

    private Secrets() {
    }

    /** A copy of {@code item} safe to answer with. */
    public static JsonObject maskItem(Section section, JsonObject item) {
        return section == Section.USERS ? masked(item, USER_SECRETS) : item.copy();
    }

    /** A copy of a shared config tree ({@link ConfigJson#shared}) safe to answer with. */
    public static JsonObject maskTree(JsonObject shared) {
        JsonObject masked = shared.copy();
        masked.put(Section.USERS.key(), new JsonArray(ConfigJson.items(shared, Section.USERS).stream()
                .map(u -> maskItem(Section.USERS, u)).toList()));
        JsonObject monitor = shared.getJsonObject("monitor");
        if (monitor != null) {
            masked.put("monitor", masked(monitor, List.of(MONITOR_PASSWORD)));
        }
        return masked;
    }

    /** Variables ({@link ConfigJson#variables}) safe to answer with. */
    public static Map<String, Object> maskVariables(Map<String, Object> variables) {
        Map<String, Object> masked = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (isSecretVariable(name)) {
                masked.put(name + "_set", isSet(value));
            } else {
                masked.put(name, value);
            }
        });
        return masked;
    }

    /** Whether a secret has a value: present and not empty (the monitor's default password is ""). */
    public static boolean isSet(Object secret) {
        return secret != null && !String.valueOf(secret).isEmpty();
    }

    /** Whether a variable's value must not be shown. */
    public static boolean isSecretVariable(String name) {
        return MONITOR_PASSWORD_VARIABLE.equals(name);
    }

    /**
     * The item to store for an item a client sent: the read-only {@code _set} keys dropped and, for a user sent
     * without any secret key, the secrets of {@code stored} (the user it replaces) kept.
     */
    public static JsonObject forWrite(Section section, JsonObject sent, Optional<JsonObject> stored) {
        if (section != Section.USERS) {
            return sent;
        }
        JsonObject item = sent.copy();
        USER_SECRETS.forEach(key -> item.remove(key + "_set"));
        boolean sentAnySecret = USER_SECRETS.stream().anyMatch(item::containsKey);
        if (!sentAnySecret && stored.isPresent()) {
            for (String key : USER_SECRETS) {
                Object value = stored.get().getValue(key);
                if (value != null) {
                    item.put(key, value);
                }
            }
        }
        return item;
    }

    private static JsonObject masked(JsonObject object, List<String> secretKeys) {
        JsonObject masked = object.copy();
        for (String key : secretKeys) {
            Object value = masked.remove(key);
            masked.put(key + "_set", value != null);
        }
        return masked;
    }
}
