package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.await;
import static io.junction.config.store.StoreFixtures.change;
import static io.junction.config.store.StoreFixtures.server;
import static io.junction.config.store.StoreFixtures.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.junction.config.ClusterConfig;
import io.junction.config.cluster.ClusterManagers;
import io.junction.config.store.ChangeOp.Put;
import io.junction.config.store.ChangeOp.SetVariable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes in one JVM, Hazelcast on free loopback ports with a TCP/IP member list: the store one node
 * writes is the store the other reads, commits are announced to both, and compare-and-set holds across nodes.
 */
class HazelcastConfigStoreTest {
    private static Vertx first;
    private static Vertx second;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        int firstPort = freePort();
        int secondPort = freePort();
        List<String> members = List.of("127.0.0.1:" + firstPort, "127.0.0.1:" + secondPort);
        first = await(ClusterManagers.clusteredVertx(node(firstPort, members), new VertxOptions(),
                Transport.nativeTransport(), ClusterManagers.hazelcast(node(firstPort, members))));
        second = await(ClusterManagers.clusteredVertx(node(secondPort, members), new VertxOptions(),
                Transport.nativeTransport(), ClusterManagers.hazelcast(node(secondPort, members))));
    }

    @AfterAll
    static void stopBothNodes() {
        if (second != null) {
            await(second.close());
        }
        if (first != null) {
            await(first.close());
        }
    }

    /** Both tests use the one cluster map: each starts from an empty store. */
    @BeforeEach
    void emptyTheStore() {
        await(first.sharedData().<String, String>getAsyncMap(SharedDataConfigStore.MAP_NAME).compose(AsyncMap::clear));
    }

    private static ClusterConfig node(int port, List<String> members) {
        return new ClusterConfig(true, "junction-test-" + ProcessHandle.current().pid(), "127.0.0.1", port, members,
                null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void bothNodesShareOneStoreAndHearEveryCommit() throws InterruptedException {
        SharedDataConfigStore one = new SharedDataConfigStore(first);
        SharedDataConfigStore two = new SharedDataConfigStore(second);
        assertThat(await(one.seed(BASE, "node-1", "first up")).version()).isEqualTo(1);
        VersionedConfig adopted = await(two.seed(BASE.withServers(List.of(BASE.servers().get(0))), "node-2", "late"));
        assertThat(adopted.summary().author()).isEqualTo("node-1");
        assertThat(adopted.config().servers()).hasSize(3);

        List<JsonObject> heardOnTwo = new CopyOnWriteArrayList<>();
        await(second.eventBus().<JsonObject>consumer(Addresses.CONFIG_COMMITTED, m -> heardOnTwo.add(m.body()))
                .completion());
        // A subscription reaches the other node's view of the cluster a little later: probe until it does.
        waitFor("the first node to reach the second's consumer", 20, () -> {
            first.eventBus().publish(Addresses.CONFIG_COMMITTED, new JsonObject().put("probe", true));
            return !heardOnTwo.isEmpty();
        });

        VersionedConfig v2 = await(one.commit(change(1, new Put(Section.SERVERS, server("10.0.0.4", 1)))));

        assertThat(await(two.current())).isEqualTo(v2);
        assertThat(await(two.history())).extracting(VersionSummary::version).containsExactly(2L, 1L);
        waitFor("the commit of version 2 on the second node", 20,
                () -> heardOnTwo.contains(new JsonObject().put("version", 2L)));
    }

    @Test
    void ofTwoNodesCommittingAgainstTheSameVersionExactlyOneWins() {
        SharedDataConfigStore one = new SharedDataConfigStore(first);
        SharedDataConfigStore two = new SharedDataConfigStore(second);
        await(one.seed(BASE));
        long base = await(two.current()).version();

        Future<VersionedConfig> fromOne = one.commit(change(base, new SetVariable("limits.max_retries", 2)));
        Future<VersionedConfig> fromTwo = two.commit(change(base, new SetVariable("limits.max_retries", 3)));
        await(fromOne.otherwiseEmpty());
        await(fromTwo.otherwiseEmpty());

        assertThat(List.of(fromOne.succeeded(), fromTwo.succeeded())).containsExactlyInAnyOrder(true, false);
        Future<VersionedConfig> loser = fromOne.succeeded() ? fromTwo : fromOne;
        Future<VersionedConfig> winner = fromOne.succeeded() ? fromOne : fromTwo;
        assertThat(loser.cause()).isInstanceOf(StaleVersionException.class);
        assertThat(await(one.current())).isEqualTo(winner.result());
        assertThat(await(two.current())).isEqualTo(winner.result());
        assertThat(winner.result().version()).isEqualTo(base + 1);
    }
}
