package io.junction.router.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Statement digests and backend pools, of one event loop or, merged, of a whole node. Merged digests come
 * busiest first (total time, then count); pools by server address.
 */
public record StatsSnapshot(List<DigestStatsRow> digests, List<PoolStatsRow> pools) {
    public static final StatsSnapshot EMPTY = new StatsSnapshot(List.of(), List.of());

    public StatsSnapshot {
        digests = List.copyOf(digests);
        pools = List.copyOf(pools);
    }

    /** One snapshot of the parts: rows with the same key merged ({@link DigestStatsRow#merge}, {@link PoolStatsRow#merge}). */
    public static StatsSnapshot merge(List<StatsSnapshot> parts) {
        Map<DigestKey, DigestStatsRow> digests = new LinkedHashMap<>();
        Map<String, PoolStatsRow> pools = new TreeMap<>();
        for (StatsSnapshot part : parts) {
            for (DigestStatsRow row : part.digests()) {
                digests.merge(DigestKey.of(row), row, DigestStatsRow::merge);
            }
            for (PoolStatsRow row : part.pools()) {
                pools.merge(row.server(), row, PoolStatsRow::merge);
            }
        }
        List<DigestStatsRow> sorted = new ArrayList<>(digests.values());
        sorted.sort(Comparator.comparingLong(DigestStatsRow::sumTimeMicros).thenComparingLong(DigestStatsRow::count).reversed());
        return new StatsSnapshot(sorted, new ArrayList<>(pools.values()));
    }

    private record DigestKey(int hostgroup, String user, String schema, long digest) {
        static DigestKey of(DigestStatsRow row) {
            return new DigestKey(row.hostgroup(), Objects.requireNonNull(row.user()), Objects.requireNonNull(row.schema()), row.digest());
        }
    }
}
