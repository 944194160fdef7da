package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.config.AdminConfig;
import io.junction.config.ClusterConfig;
import io.junction.config.ConfigLoader;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.TlsConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSectionsTest {
    private static final JunctionConfig LOCAL = ConfigLoader.defaults()
            .withListener(new ListenerConfig("127.0.0.1", 7033, 2))
            .withAdmin(new AdminConfig("127.0.0.1", 7080, false))
            .withTls(new TlsConfig(true, "/c.pem", "/k.pem", 0, null))
            .withCluster(new ClusterConfig(true, "prod", "10.0.0.9", 5701, List.of("10.0.0.8:5701"), "/var/lib/j"))
            .withVersion(3);

    @Test
    void mergeKeepsTheNodeSectionsAndTakesTheSharedOnesWithTheirVersion() {
        JunctionConfig shared = BASE.withVersion(7);

        JunctionConfig merged = SharedSections.merge(LOCAL, shared);

        assertThat(merged.version()).isEqualTo(7);
        assertThat(merged.listener()).isEqualTo(LOCAL.listener());
        assertThat(merged.admin()).isEqualTo(LOCAL.admin());
        assertThat(merged.tls()).isEqualTo(LOCAL.tls());
        assertThat(merged.cluster()).isEqualTo(LOCAL.cluster());
        assertThat(SharedSections.sharedPart(merged)).isEqualTo(SharedSections.sharedPart(shared));
        assertThat(merged.servers()).isEqualTo(BASE.servers());
        assertThat(merged.queryRules()).isEqualTo(BASE.queryRules());
    }

    @Test
    void theTreeHoldsTheVersionAndTheSharedSectionsOnly() {
        ObjectNode tree = SharedSections.tree(SharedSections.merge(LOCAL, BASE));

        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("version", "hostgroups", "servers", "users", "limits", "timeouts",
                "query_rules", "replication_hostgroups", "monitor");
        assertThat(SharedSections.json(LOCAL)).doesNotContain("10.0.0.9", "7033", "/c.pem");
    }

    @Test
    void theJsonReadsBackToTheSharedPart() {
        JunctionConfig merged = SharedSections.merge(LOCAL, BASE);

        JunctionConfig read = SharedSections.parse(SharedSections.json(merged));

        assertThat(read).isEqualTo(SharedSections.sharedPart(merged));
        assertThat(read.listener()).isEqualTo(ConfigLoader.defaults().listener());
        assertThat(read.cluster()).isEqualTo(ClusterConfig.DEFAULT);
    }

    @Test
    void readingRefusesNodeSectionsAndInvalidSharedOnes() {
        assertThatThrownBy(() -> SharedSections.parse("{\"version\": 2, \"listener\": {\"port\": 1}}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("listener: a node-local section (expected: only version and hostgroups,");
        assertThatThrownBy(() -> SharedSections.parse("{\"version\": 2, \"limits\": {\"max_retries\": 11}}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("limits.max_retries: 11 (expected: 0..10)");
        assertThatThrownBy(() -> SharedSections.parse("{\"version\": "))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("(expected: valid JSON)");
    }
}
