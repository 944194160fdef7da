package io.junction.node;

import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots travel between nodes as JSON: nothing the router acts on may be lost or changed on the way. */
class HealthJsonTest {
    private static final String JSON = """
            {"version":12,"servers":[\
            {"server":"10.0.0.5:3306","shunned":false,"read_only":true,"replication_lag_seconds":null,"latency_us":310},\
            {"server":"10.0.0.6:3306","shunned":true,"read_only":null,"replication_lag_seconds":2147483647,"latency_us":0},\
            {"server":"10.0.0.7:3306","shunned":false,"read_only":false,"replication_lag_seconds":4,"latency_us":95}]}""";

    private static final HealthSnapshot SNAPSHOT = new HealthSnapshot(12, Map.of(
            "10.0.0.7:3306", new ServerHealth("10.0.0.7:3306", false, false, 4, 95),
            "10.0.0.5:3306", new ServerHealth("10.0.0.5:3306", false, true, null, 310),
            "10.0.0.6:3306", new ServerHealth("10.0.0.6:3306", true, null, Integer.MAX_VALUE, 0)));

    @Test
    void aSnapshotIsWrittenWithItsServersByAddress() {
        assertThat(HealthJson.encode(SNAPSHOT).encode()).isEqualTo(JSON);
    }

    @Test
    void whatWasWrittenReadsBackTheSame() {
        assertThat(HealthJson.decode(new JsonObject(JSON))).isEqualTo(SNAPSHOT);
        assertThat(HealthJson.encode(HealthJson.decode(new JsonObject(JSON))).encode()).isEqualTo(JSON);
    }

    @Test
    void anEmptySnapshotRoundTrips() {
        HealthSnapshot empty = new HealthSnapshot(3, Map.of());
        assertThat(HealthJson.decode(new JsonObject(HealthJson.encode(empty).encode()))).isEqualTo(empty);
    }

    @Test
    void aMissingFieldIsNamed() {
        JsonObject noShunned = new JsonObject(JSON);
        noShunned.getJsonArray("servers").getJsonObject(1).remove("shunned");

        assertThatThrownBy(() -> HealthJson.decode(noShunned)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("servers[1].shunned: missing");
        assertThatThrownBy(() -> HealthJson.decode(new JsonObject().put("servers", new JsonObject())))
                .hasMessage("version: missing");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        JsonObject textLag = new JsonObject(JSON);
        textLag.getJsonArray("servers").getJsonObject(2).put("replication_lag_seconds", "4");

        assertThatThrownBy(() -> HealthJson.decode(textLag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("servers[2].replication_lag_seconds: 4 (expected: number)");
    }

    @Test
    void aServerListedTwiceIsRefused() {
        JsonObject twice = new JsonObject(JSON);
        twice.getJsonArray("servers").getJsonObject(1).put("server", "10.0.0.5:3306");

        assertThatThrownBy(() -> HealthJson.decode(twice)).hasMessage("servers[1].server: 10.0.0.5:3306 (listed twice)");
    }
}
