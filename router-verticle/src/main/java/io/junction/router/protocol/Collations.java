package io.junction.router.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Collation ids as sent in handshakes, with their names and character sets. The table is MariaDB 10.11's
 * ({@code collations.tsv} beside this class says how it was made).
 */
public final class Collations {

    /** One collation. */
    public record Collation(int id, String name, String charset) {
    }

    /** utf8mb4_general_ci: what Junction offers in its greeting and falls back to for ids it does not know. */
    public static final Collation DEFAULT = new Collation(45, "utf8mb4_general_ci", "utf8mb4");

    private static final Map<Integer, Collation> BY_ID = load();

    private Collations() {
    }

    /** The collation with this id, or {@link #DEFAULT} for ids the table lacks (e.g. MySQL 8's 255). */
    public static Collation byId(int id) {
        return BY_ID.getOrDefault(id, DEFAULT);
    }

    private static Map<Integer, Collation> load() {
        Map<Integer, Collation> byId = new HashMap<>();
        try (InputStream in = Collations.class.getResourceAsStream("collations.tsv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                int id = Integer.parseInt(fields[0]);
                byId.put(id, new Collation(id, fields[1], fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byId);
    }
}
