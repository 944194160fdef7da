package io.junction.bench;

import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.JunctionProbe;
import io.junction.bench.measure.Metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What one bin/bench run started: the throwaway MariaDB (written by {@link BenchDb}) and the Junction node in front
 * of it (its pid added by bin/bench once started). All on 127.0.0.1.
 */
public record BenchEnv(int dbPort, String rootPassword, String dbVersion, String user, String password,
                       String schema, int junctionPort, int adminPort, long junctionPid, Path gcLog) {

    public static final String HOST = "127.0.0.1";

    public static BenchEnv load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
        return new BenchEnv(Integer.parseInt(p.getProperty("db.port")), p.getProperty("db.root.password"),
                p.getProperty("db.version"), p.getProperty("user"), p.getProperty("password"), p.getProperty("schema"),
                Integer.parseInt(p.getProperty("junction.port")), Integer.parseInt(p.getProperty("junction.admin.port")),
                Long.parseLong(p.getProperty("junction.pid", "-1")), Path.of(p.getProperty("junction.gc.log")));
    }

    public Endpoint direct() {
        return new Endpoint("direct", HOST, dbPort, user, password, schema);
    }

    public Endpoint junction() {
        return new Endpoint("junction", HOST, junctionPort, user, password, schema);
    }

    public Metrics metrics() {
        return new Metrics(HOST, adminPort);
    }

    public JunctionProbe probe() {
        if (junctionPid <= 0) {
            throw new IllegalStateException("junction.pid missing from the env file: bin/bench writes it after starting the node");
        }
        return new JunctionProbe(junctionPid, metrics());
    }
}
