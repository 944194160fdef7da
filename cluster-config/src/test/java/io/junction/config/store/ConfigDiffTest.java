package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.junction.config.JunctionConfig;
import io.junction.config.store.ChangeOp.Delete;
import io.junction.config.store.ChangeOp.Put;
import io.junction.config.store.ChangeOp.SetVariable;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private static JunctionConfig changed(ChangeOp... ops) {
        return ChangeApplier.apply(BASE, List.of(ops));
    }

    @Test
    void sameContentIsAnEmptyDiff() {
        ConfigDiff diff = ConfigDiff.between(BASE, BASE.withVersion(4));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.toJson()).isEqualTo(new JsonObject().put("from", 1L).put("to", 4L)
                .put("sections", new JsonObject()).put("variables", new io.vertx.core.json.JsonArray()));
    }

    @Test
    void itemsAddedRemovedAndChangedAreMatchedByKey() {
        JunctionConfig to = changed(new Put(Section.SERVERS, server("10.0.0.4", 1)),
                new Delete(Section.SERVERS, "10.0.0.3:3306"),
                new Put(Section.SERVERS, server("10.0.0.2", 1).put("weight", 9)),
                new Delete(Section.QUERY_RULES, "10"));

        ConfigDiff diff = ConfigDiff.between(BASE, to);

        assertThat(diff.fromVersion()).isEqualTo(1);
        assertThat(diff.toVersion()).isEqualTo(2);
        assertThat(diff.sections()).extracting(ConfigDiff.SectionChanges::section)
                .containsExactly(Section.SERVERS, Section.QUERY_RULES);
        ConfigDiff.SectionChanges servers = diff.sections().get(0);
        assertThat(servers.added()).extracting(s -> s.getString("host")).containsExactly("10.0.0.4");
        assertThat(servers.removed()).extracting(s -> s.getString("host")).containsExactly("10.0.0.3");
        assertThat(servers.changed()).hasSize(1);
        ConfigDiff.ItemChange change = servers.changed().get(0);
        assertThat(change.key()).isEqualTo("10.0.0.2:3306");
        assertThat(change.fields()).containsExactly("weight");
        assertThat(change.from().getInteger("weight")).isEqualTo(1);
        assertThat(change.to().getInteger("weight")).isEqualTo(9);
        assertThat(diff.sections().get(1).removed()).extracting(r -> r.getInteger("id")).containsExactly(10);
        assertThat(diff.variables()).isEmpty();
    }

    @Test
    void changedVariablesAreNamedWithTheirSection() {
        ConfigDiff diff = ConfigDiff.between(BASE, changed(new SetVariable("limits.max_retries", 3),
                new SetVariable("timeouts.connect_ms", 1500)));

        assertThat(diff.sections()).isEmpty();
        assertThat(diff.variables()).containsExactly(
                new ConfigDiff.VariableChange("limits.max_retries", 1, 3),
                new ConfigDiff.VariableChange("timeouts.connect_ms", 5000, 1500));
        assertThat(diff.toJson().getJsonArray("variables").getJsonObject(0))
                .isEqualTo(new JsonObject().put("name", "limits.max_retries").put("from", 1).put("to", 3));
    }

    @Test
    void theJsonHidesPasswordsButSaysTheyChanged() {
        JunctionConfig to = changed(
                new Put(Section.USERS, new JsonObject().put("name", "app").put("password", "new-secret")),
                new SetVariable("monitor.password", "monitor-secret"));

        JsonObject json = ConfigDiff.between(BASE, to).toJson();

        String text = json.encode();
        assertThat(text).doesNotContain("new-secret", "monitor-secret", "\"secret\"");
        JsonObject user = json.getJsonObject("sections").getJsonObject("users").getJsonArray("changed").getJsonObject(0);
        assertThat(user.getString("key")).isEqualTo("app");
        assertThat(user.getJsonArray("fields").getList()).contains("password");
        assertThat(user.getJsonObject("to").getString("password")).isEqualTo(ConfigDiff.HIDDEN);
        assertThat(json.getJsonArray("variables").getJsonObject(0))
                .isEqualTo(new JsonObject().put("name", "monitor.password").put("from", ConfigDiff.HIDDEN)
                        .put("to", ConfigDiff.HIDDEN));
    }
}
