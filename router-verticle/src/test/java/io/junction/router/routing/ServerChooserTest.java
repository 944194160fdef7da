package io.junction.router.routing;

import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerChooserTest {
    static final ServerConfig HEAVY = new ServerConfig("10.0.0.1", 3306, 1, 3, 10, ServerStatus.ONLINE);
    static final ServerConfig LIGHT = new ServerConfig("10.0.0.2", 3306, 1, 1, 10, ServerStatus.ONLINE);
    static final ServerConfig DRAINING = new ServerConfig("10.0.0.3", 3306, 1, 100, 10, ServerStatus.OFFLINE_SOFT);

    @Test
    void choosesByWeightAmongOnlineServers() {
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 4_000; i++) {
            picks.merge(ServerChooser.choose(List.of(HEAVY, LIGHT, DRAINING)).address(), 1, Integer::sum);
        }
        assertThat(picks).doesNotContainKey(DRAINING.address());
        assertThat(picks.get(HEAVY.address())).isBetween(2_700, 3_300);
    }

    @Test
    void prefersServersWithRoomAndFallsBackToAllWhenNoneHasAny() {
        for (int i = 0; i < 100; i++) {
            assertThat(ServerChooser.choose(List.of(HEAVY, LIGHT), s -> s == LIGHT)).isEqualTo(LIGHT);
        }
        assertThat(ServerChooser.choose(List.of(HEAVY, LIGHT), s -> false)).isIn(HEAVY, LIGHT);
        assertThat(ServerChooser.choose(List.of(DRAINING))).isNull();
    }
}
