package io.junction.config.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import io.junction.config.ClusterConfig;
import io.junction.config.store.SharedDataConfigStore;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Hazelcast config a node's cluster section makes; joining for real is in HazelcastConfigStoreTest. */
class ClusterManagersTest {
    private static final ClusterConfig CLUSTER = new ClusterConfig(true, "prod", "127.0.0.1", 5801,
            List.of("127.0.0.1:5801", "127.0.0.2:5801"), null);

    @Test
    void joinsOnlyByTheTcpIpMemberListUnderTheClusterName() {
        Config config = ClusterManagers.hazelcastConfig(CLUSTER);

        assertThat(config.getClusterName()).isEqualTo("prod");
        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5801", "127.0.0.2:5801");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    }

    @Test
    void bindsNothingElseCallsNobodyAndWaitsBrieflyToJoin() {
        Config config = ClusterManagers.hazelcastConfig(CLUSTER);

        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("1");
        assertThat(config.getProperty("hazelcast.max.wait.seconds.before.join")).isEqualTo("3");
    }

    @Test
    void declaresTheMapsVertxAndTheStoreUse() {
        Config config = ClusterManagers.hazelcastConfig(CLUSTER);

        MultiMapConfig subs = config.getMultiMapConfigs().get("__vertx.subs");
        assertThat(subs.getValueCollectionType()).isEqualTo(MultiMapConfig.ValueCollectionType.SET);
        assertThat(subs.getBackupCount()).isEqualTo(1);
        assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo",
                SharedDataConfigStore.MAP_NAME);
        assertThat(config.getMapConfigs().get(SharedDataConfigStore.MAP_NAME).getBackupCount()).isEqualTo(1);
    }

    @Test
    void aNodeWithoutMembersListsItself() {
        ClusterConfig alone = new ClusterConfig(true, "prod", "127.0.0.1", 5801, List.of(), null);

        assertThat(ClusterManagers.hazelcastConfig(alone).getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:5801");
    }

    @Test
    void theEventBusBindsAndAnnouncesTheNodeAddressOnACopyOfTheOptions() {
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(3);

        VertxOptions clustered = ClusterManagers.withEventBusAddress(CLUSTER, options);

        assertThat(clustered.getEventBusOptions().getHost()).isEqualTo("127.0.0.1");
        assertThat(clustered.getEventBusOptions().getClusterPublicHost()).isEqualTo("127.0.0.1");
        assertThat(clustered.getEventLoopPoolSize()).isEqualTo(3);
        assertThat(options.getEventBusOptions().getClusterPublicHost()).isNull();
    }

    @Test
    void theCopyKeepsTheMetricsOptionsAsGiven() {
        MetricsOptions prometheus = new MetricsOptions() { }.setEnabled(true);
        VertxOptions options = new VertxOptions().setMetricsOptions(prometheus);

        VertxOptions clustered = ClusterManagers.withEventBusAddress(CLUSTER, options);

        // Regression: VertxOptions' copy constructor made plain MetricsOptions of Micrometer's, and a clustered
        // node's /metrics lost its Prometheus registry (answered 500).
        assertThat(clustered.getMetricsOptions()).isSameAs(prometheus);
    }

    @Test
    void anUnresolvableHostIsNamed() {
        ClusterConfig bad = new ClusterConfig(true, "prod", "no-such-host.invalid", 5801, List.of(), null);

        assertThatThrownBy(() -> ClusterManagers.hazelcastConfig(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cluster.host: cannot resolve no-such-host.invalid");
    }
}
