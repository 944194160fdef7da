package io.junction.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads Junction's Prometheus endpoint and sums the series of one metric. */
public final class Metrics {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    public Metrics(String host, int adminPort) {
        this.uri = URI.create("http://" + host + ":" + adminPort + "/metrics");
    }

    public String scrape() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + uri, e);
        }
    }

    /** The sum of {@code name}'s series in a fresh scrape whose labels contain {@code label} (null: all series). */
    public double sum(String name, String label) {
        return sum(scrape(), name, label);
    }

    /**
     * The sum of the series of metric {@code name} in Prometheus text whose label set contains {@code label}
     * (for example {@code area="heap"}); null matches every series. NaN when there is no such series.
     */
    public static double sum(String text, String name, String label) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(name)) {
                continue;
            }
            int end = name.length();
            if (line.length() == end || (line.charAt(end) != '{' && line.charAt(end) != ' ')) {
                continue; // another metric whose name starts with this one
            }
            int close = line.indexOf('}', end);
            String labels = line.charAt(end) == '{' && close > 0 ? line.substring(end, close + 1) : "";
            if (label != null && !labels.contains(label)) {
                continue;
            }
            String[] rest = line.substring(close > 0 ? close + 1 : end).trim().split("\\s+");
            total += Double.parseDouble(rest[0]);
            found = true;
        }
        return found ? total : Double.NaN;
    }
}
