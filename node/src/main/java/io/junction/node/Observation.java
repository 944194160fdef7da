package io.junction.node;

import io.junction.router.monitor.HealthSnapshot;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What the cluster's monitor leader observed, as every node shares it: the leader's node id, its term, and the
 * snapshot. Terms grow by one each time a node takes over monitoring, so observations order by (epoch, snapshot
 * version) across failovers, whatever the snapshot versions of the old and the new leader. As JSON, the
 * {@link HealthJson} snapshot with two more keys:
 * <pre>{"leader": "4f1c...", "epoch": 3, "version": 12, "servers": [...]}</pre>
 *
 * @param leader id of the node whose monitor made the snapshot
 * @param epoch the leader's term, at least 1
 */
record Observation(String leader, long epoch, HealthSnapshot snapshot) {

    Observation {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(snapshot, "snapshot");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: " + epoch + " (expected: >= 1)");
        }
    }

    /** Whether this came after {@code other} (null: nothing observed yet): a later term, or a later snapshot in it. */
    boolean newerThan(Observation other) {
        if (other == null) {
            return true;
        }
        return epoch != other.epoch ? epoch > other.epoch : snapshot.version() > other.snapshot.version();
    }

    /** The same leader and term with the leader's next snapshot. */
    Observation next(HealthSnapshot later) {
        return new Observation(leader, epoch, later);
    }

    JsonObject toJson() {
        return HealthJson.encode(snapshot).put("leader", leader).put("epoch", epoch);
    }

    /**
     * The observation {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException naming the field, when one is missing or wrong
     */
    static Observation fromJson(JsonObject json) {
        if (!(json.getValue("leader") instanceof String leader)) {
            throw new IllegalArgumentException("leader: " + json.getValue("leader") + " (expected: a node id)");
        }
        if (!(json.getValue("epoch") instanceof Number epoch)) {
            throw new IllegalArgumentException("epoch: " + json.getValue("epoch") + " (expected: a number)");
        }
        return new Observation(leader, epoch.longValue(), HealthJson.decode(json));
    }
}
