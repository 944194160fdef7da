package io.junction.node;

import io.junction.config.AdminPasswords;
import io.junction.fixture.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Junction nodes in JVMs of their own, forming one cluster on loopback: each with its own MySQL, admin and
 * Hazelcast ports and state directory, all listing every member, all seeded with the same shared sections. The
 * first node starts alone (it seeds the cluster); the others start together and join.
 */
final class TestCluster implements AutoCloseable {
    /** The API token of every node's admin (its SHA-256 is in the configs). */
    static final String TOKEN = "test-token-" + UUID.randomUUID();

    private final List<NodeProcess> nodes = new ArrayList<>();

    private TestCluster(Path dir, int size, String sharedYaml) throws IOException {
        String name = "junction-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> clusterPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clusterPorts.add(FreePorts.pick());
        }
        String members = clusterPorts.stream().map(p -> "\"127.0.0.1:" + p + "\"").collect(Collectors.joining(", "));
        for (int i = 0; i < size; i++) {
            String node = String.valueOf((char) ('a' + i));
            int mysqlPort = FreePorts.pick();
            int adminPort = FreePorts.pick();
            Path config = dir.resolve(node + ".yaml");
            Files.writeString(config, """
                    listener: {host: 127.0.0.1, port: %d, event_loops: 2}
                    admin:
                      host: 127.0.0.1
                      port: %d
                      tokens: [{name: test, sha256: "%s"}]
                    cluster:
                      enabled: true
                      name: %s
                      host: 127.0.0.1
                      port: %d
                      members: [%s]
                      state_dir: "%s"
                    """.formatted(mysqlPort, adminPort, AdminPasswords.tokenDigest(TOKEN), name, clusterPorts.get(i),
                    members, dir.resolve(node + "-state")) + sharedYaml);
            nodes.add(new NodeProcess(node, config, mysqlPort, adminPort));
        }
    }

    /** Writes the configs and starts every node; {@code sharedYaml} holds the shared sections (version 1). */
    static TestCluster start(Path dir, int size, String sharedYaml) throws Exception {
        TestCluster cluster = new TestCluster(dir, size, sharedYaml);
        try {
            cluster.nodes.get(0).start();
            cluster.startTogether(cluster.nodes.subList(1, size));
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts {@code which} at the same time (in parallel JVMs) and waits until each is ready. */
    void startTogether(List<NodeProcess> which) throws Exception {
        List<CompletableFuture<NodeProcess>> starting = new ArrayList<>();
        for (NodeProcess node : which) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return node.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }));
        }
        for (CompletableFuture<NodeProcess> node : starting) {
            node.join();
        }
    }

    NodeProcess node(int index) {
        return nodes.get(index);
    }

    List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** Stops every node at once (as when the whole cluster goes down). */
    void stopAll() throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (NodeProcess node : nodes) {
            Thread thread = new Thread(() -> {
                try {
                    node.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.kill();
        }
    }
}
