package io.junction.node;

import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Followers take an observation only if it is newer: a later leader's term wins over any snapshot version. */
class ObservationTest {
    private static final HealthSnapshot SHUNNED = new HealthSnapshot(40, Map.of(
            "10.0.0.6:3306", new ServerHealth("10.0.0.6:3306", true, null, null, 0)));

    @Test
    void aLaterEpochIsNewerWhateverItsVersion() {
        Observation old = new Observation("a", 2, SHUNNED);
        Observation takeover = new Observation("b", 3, new HealthSnapshot(5, Map.of()));

        assertThat(takeover.newerThan(old)).isTrue();
        assertThat(old.newerThan(takeover)).isFalse();
    }

    @Test
    void inOneEpochALaterVersionIsNewerAndTheSameIsNot() {
        Observation first = new Observation("a", 2, SHUNNED);
        Observation second = first.next(new HealthSnapshot(41, Map.of()));

        assertThat(second.newerThan(first)).isTrue();
        assertThat(first.newerThan(second)).isFalse();
        assertThat(first.newerThan(new Observation("a", 2, SHUNNED))).isFalse();
    }

    @Test
    void anythingIsNewerThanNothing() {
        assertThat(new Observation("a", 1, HealthSnapshot.EMPTY).newerThan(null)).isTrue();
    }

    @Test
    void itTravelsAsTheSnapshotWithLeaderAndEpoch() {
        Observation observation = new Observation("node-b", 7, SHUNNED);
        JsonObject json = new JsonObject(observation.toJson().encode());

        assertThat(json.getString("leader")).isEqualTo("node-b");
        assertThat(json.getLong("epoch")).isEqualTo(7);
        assertThat(json.getLong("version")).isEqualTo(40);
        assertThat(Observation.fromJson(json)).isEqualTo(observation);
    }

    @Test
    void aBadLeaderOrEpochIsNamed() {
        JsonObject json = new Observation("node-b", 7, SHUNNED).toJson();

        assertThatThrownBy(() -> Observation.fromJson(json.copy().put("epoch", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("epoch: 0 (expected: >= 1)");
        assertThatThrownBy(() -> Observation.fromJson(json.copy().put("epoch", "7")))
                .hasMessage("epoch: 7 (expected: a number)");
        assertThatThrownBy(() -> Observation.fromJson(json.copy().putNull("leader")))
                .hasMessage("leader: null (expected: a node id)");
    }
}
