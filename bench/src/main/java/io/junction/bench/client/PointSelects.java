package io.junction.bench.client;

import io.junction.router.protocol.ComQuery;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Autocommit point selects on {@code bench.kv}: {@code SELECT v FROM kv WHERE id = <random id>}, as COM_QUERY payloads. */
public final class PointSelects implements Supplier<byte[]> {
    private final int rows;

    /** @param rows ids are drawn from 1..rows */
    public PointSelects(int rows) {
        this.rows = rows;
    }

    @Override
    public byte[] get() {
        int id = 1 + ThreadLocalRandom.current().nextInt(rows);
        return ComQuery.of("SELECT v FROM kv WHERE id = " + id).encode();
    }
}
