package io.junction.config.store;

import java.util.List;

/**
 * A changeset: edits made against {@code baseVersion}, validated and committed together or not at all.
 *
 * @param author who asked (the admin user or token name), kept in the history
 * @param comment free text kept in the history; may be empty
 */
public record ConfigChange(long baseVersion, List<ChangeOp> ops, String author, String comment) {

    public ConfigChange {
        ops = List.copyOf(ops);
    }
}
