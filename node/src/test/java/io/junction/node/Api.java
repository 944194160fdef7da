package io.junction.node;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking calls to one node's REST API with the test cluster's token. */
final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    Api(int port) {
        this.port = port;
    }

    static Api of(NodeProcess node) {
        return new Api(node.adminPort());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** The body of a GET that must answer 200. */
    JsonObject getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    HttpResponse<String> put(String path, long baseVersion, JsonObject body) throws Exception {
        return send(request(path).header("If-Match", "\"" + baseVersion + "\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    HttpResponse<String> post(String path, JsonObject body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    HttpResponse<String> delete(String path, long baseVersion) throws Exception {
        return send(request(path).header("If-Match", "\"" + baseVersion + "\"").DELETE());
    }

    /** The config version the node's router runs (from {@code /ready}, which needs no credentials). */
    long runningVersion() throws Exception {
        HttpResponse<String> ready = Http.get(port, "/ready");
        return ready.statusCode() == 200 ? new JsonObject(ready.body()).getLong("config_version") : -1;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestCluster.TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
