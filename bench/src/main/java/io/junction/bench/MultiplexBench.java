package io.junction.bench;

import io.junction.bench.client.AsyncConnection;
import io.junction.bench.client.AsyncLoad;
import io.junction.bench.client.Await;
import io.junction.bench.client.ConnectionOpener;
import io.junction.bench.client.Endpoint;
import io.junction.bench.client.LoadVertx;
import io.junction.bench.client.PointSelects;
import io.junction.bench.measure.JunctionProbe;
import io.junction.bench.measure.PeakSampler;
import io.junction.bench.measure.ServerConnections;
import io.junction.bench.result.Result;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;

import java.time.Duration;

/**
 * Multiplexing: C concurrent clients, each logged in and running autocommit point selects in a closed loop for T
 * seconds, first straight to MariaDB, then through Junction. Reports throughput, p50/p99 latency, errors, the peak
 * of Junction's {@code junction_backend_connections} and the peak count of the user's connections in MariaDB's
 * PROCESSLIST (issue 6 target: 2,000 clients served by at most 20 backend connections with zero errors).
 *
 * <p>Options: {@code --clients} (2,000; quick 100), {@code --seconds} per side (30; quick 5).
 */
public final class MultiplexBench {
    private static final int OPEN_CONCURRENCY = 64;

    private MultiplexBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "multiplex", "Multiplexing many clients", MultiplexBench::run);
    }

    static void run(BenchArgs args, Result result) throws InterruptedException {
        BenchEnv env = args.env();
        int clients = args.intOption("clients", 2_000, 100);
        int seconds = args.intOption("seconds", 30, 5);
        result.parameter("clients", clients).parameter("seconds per side", seconds)
                .parameter("statement", "SELECT v FROM kv WHERE id = <random 1.." + BenchDb.KV_ROWS + ">");
        Vertx vertx = LoadVertx.create();
        NetClient client = LoadVertx.client(vertx, null);
        JunctionProbe probe = env.probe();
        try (ServerConnections server = new ServerConnections(env.dbPort(), env.rootPassword(), env.user())) {
            Side direct = side(client, env.direct(), clients, seconds, server, null, result);
            Side junction = side(client, env.junction(), clients, seconds, server, probe, result);

            result.compare("statements per second", "qps", direct.load.perSecond(), junction.load.perSecond(), true)
                    .compare("p50 latency", "ms", direct.load.latency().p50Ms(), junction.load.latency().p50Ms(), false)
                    .compare("p99 latency", "ms", direct.load.latency().p99Ms(), junction.load.latency().p99Ms(), false)
                    .compare("connections in MariaDB (PROCESSLIST peak)", "", direct.serverPeak, junction.serverPeak, false)
                    .compare("errors", "", direct.errors(), junction.errors(), false);
            result.measure("Junction backend connections (junction_backend_connections peak)", junction.backendPeak, "")
                    .measure("Junction client connections while loaded (junction_client_connections peak)", junction.clientPeak, "");
            boolean fewBackends = junction.backendPeak <= 20 && junction.serverPeak <= 20;
            String actual = String.format("%,d clients, %d backend connections (%d in PROCESSLIST), %d errors",
                    clients, junction.backendPeak, junction.serverPeak, junction.errors());
            result.target("2,000 concurrent clients served by <= 20 backend connections, zero errors", actual,
                    clients >= 2_000 ? fewBackends && junction.errors() == 0 : null);
            if (clients < 2_000) {
                result.note("Ran " + clients + " clients, not 2,000: a quick run cannot say whether the target is met.");
            }
        } finally {
            vertx.close();
        }
    }

    private static Side side(NetClient client, Endpoint endpoint, int clients, int seconds, ServerConnections server,
                             JunctionProbe probe, Result result) throws InterruptedException {
        int serverBefore = server.count();
        long openDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        ConnectionOpener.Outcome opened = Await.result(
                ConnectionOpener.open(i -> client, endpoint, clients, OPEN_CONCURRENCY, openDeadline), Duration.ofSeconds(150));
        result.errors(opened.errors(), endpoint.name() + " (connecting): " + opened.firstError());

        PeakSampler serverCount = new PeakSampler("processlist", server::count, 250, 100_000);
        PeakSampler backends = probe == null ? null : new PeakSampler("backends", probe::backendConnections, 200, 100_000);
        PeakSampler clientCount = probe == null ? null : new PeakSampler("clients", probe::clientConnections, 500, 100_000);
        AsyncLoad.Outcome load = Await.result(AsyncLoad.run(opened.connections(), seconds, new PointSelects(BenchDb.KV_ROWS)),
                Duration.ofSeconds(seconds + 120L));
        long serverPeak = serverCount.stop();
        long backendPeak = backends == null ? -1 : backends.stop();
        long clientPeak = clientCount == null ? -1 : clientCount.stop();
        for (PeakSampler sampler : new PeakSampler[] {serverCount, backends, clientCount}) {
            if (sampler != null && sampler.error() != null) {
                result.errors(1, endpoint.name() + " (sampling): " + sampler.error());
            }
        }
        result.errors(load.errors(), endpoint.name() + ": " + load.firstError());
        opened.connections().forEach(AsyncConnection::close);
        if (probe == null) {
            awaitServerAtMost(server, serverBefore, result);
        }
        System.out.printf("multiplex %s: %.0f qps, p99 %.2f ms, %d errors, %d in PROCESSLIST%n", endpoint.name(),
                load.perSecond(), load.latency().p99Ms(), opened.errors() + load.errors(), serverPeak);
        return new Side(load, opened.errors(), serverPeak, backendPeak, clientPeak);
    }

    /**
     * Waits until MariaDB has let go of the direct connections just closed, so that they do not count in the next
     * side's PROCESSLIST peak. Polls (there is nothing to block on) for at most 30 s.
     */
    private static void awaitServerAtMost(ServerConnections server, int limit, Result result) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.count() > limit) {
            if (System.nanoTime() - deadline > 0) {
                result.note("MariaDB still held " + server.count() + " connections of the user 30 s after the clients closed.");
                return;
            }
            Thread.sleep(100);
        }
    }

    private record Side(AsyncLoad.Outcome load, long openErrors, long serverPeak, long backendPeak, long clientPeak) {
        long errors() {
            return openErrors + load.errors();
        }
    }
}
