package io.junction.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the Junction node of a run answers {@code /ready} with 200 (exit 0), or fails (exit 1) when its
 * process dies or 60 s pass. Usage: {@code AwaitJunction --env FILE}.
 */
public final class AwaitJunction {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    private AwaitJunction() {
    }

    public static void main(String[] argv) throws InterruptedException {
        BenchEnv env = BenchArgs.parse(argv).env();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://" + BenchEnv.HOST + ":" + env.adminPort() + "/ready");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(env.junctionPid()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                System.err.println("await-junction: the node (pid " + env.junctionPid() + ") exited");
                System.exit(1);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            // Polling an HTTP endpoint of another process: there is nothing to block on, so wait between tries.
            Thread.sleep(POLL_MILLIS);
        }
        System.err.println("await-junction: " + ready + " not ready within " + LIMIT + " (" + last + ")");
        System.exit(1);
    }
}
