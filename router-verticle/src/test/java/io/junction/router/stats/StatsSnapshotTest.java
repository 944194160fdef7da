package io.junction.router.stats;

import io.junction.router.routing.QueryDigest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging the rows of several event loops into a node's. */
class StatsSnapshotTest {
    private static final QueryDigest SELECT = QueryDigest.of("SELECT * FROM t WHERE id = 1");
    private static final QueryDigest INSERT = QueryDigest.of("INSERT INTO t VALUES (1)");

    @Test
    void sameKeyOnTwoLoopsBecomesOneRow() {
        DigestStats loop1 = new DigestStats();
        loop1.record(0, "app", "shop", SELECT, 4_000_000, 1, 0, 2_000);
        loop1.record(0, "app", "shop", SELECT, 1_000_000, 1, 0, 5_000);
        loop1.record(0, "app", "shop", INSERT, 1_000, 0, 1, 2_000);
        DigestStats loop2 = new DigestStats();
        loop2.record(0, "app", "shop", SELECT, 2_000_000, 3, 0, 1_000);
        loop2.record(0, "app", "shop", SELECT, 7_000_000, 0, 0, 4_000);
        loop2.record(1, "app", "shop", SELECT, 3_000, 0, 0, 4_000);

        StatsSnapshot node = StatsSnapshot.merge(List.of(
                new StatsSnapshot(loop1.snapshot(), List.of()), new StatsSnapshot(loop2.snapshot(), List.of())));

        assertThat(node.digests()).containsExactly( // busiest first
                new DigestStatsRow(0, "app", "shop", SELECT.hash(), SELECT.text(), 4, 1_000, 5_000,
                        14_000, 1_000, 7_000, 5, 0),
                new DigestStatsRow(1, "app", "shop", SELECT.hash(), SELECT.text(), 1, 4_000, 4_000, 3, 3, 3, 0, 0),
                new DigestStatsRow(0, "app", "shop", INSERT.hash(), INSERT.text(), 1, 2_000, 2_000, 1, 1, 1, 0, 1));
    }

    @Test
    void overflowRowsOfTwoLoopsMerge() {
        DigestStats loop1 = new DigestStats(1);
        loop1.record(0, "app", "shop", SELECT, 1_000, 0, 0, 1);
        loop1.record(0, "app", "shop", INSERT, 1_000, 0, 0, 1);
        DigestStats loop2 = new DigestStats(1);
        loop2.record(0, "app", "shop", INSERT, 1_000, 0, 0, 1);
        loop2.record(0, "app", "shop", SELECT, 1_000, 0, 0, 1);

        StatsSnapshot node = StatsSnapshot.merge(List.of(
                new StatsSnapshot(loop1.snapshot(), List.of()), new StatsSnapshot(loop2.snapshot(), List.of())));

        assertThat(node.digests()).extracting(DigestStatsRow::digestText, DigestStatsRow::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(SELECT.text(), 1L),
                org.assertj.core.groups.Tuple.tuple(INSERT.text(), 1L),
                org.assertj.core.groups.Tuple.tuple(DigestStats.OTHER_TEXT, 2L));
    }

    @Test
    void poolRowsOfOneServerAddUp() {
        PoolStatsRow a1 = new PoolStatsRow("db1:3306", 3, 1, 2, 1, 3, 100, 5_000, 90_000);
        PoolStatsRow a2 = new PoolStatsRow("db1:3306", 2, 0, 0, 2, 2, 50, 2_000, 10_000);
        PoolStatsRow b = new PoolStatsRow("db0:3306", 1, 0, 0, 1, 1, 7, 100, 200);

        StatsSnapshot node = StatsSnapshot.merge(List.of(new StatsSnapshot(List.of(), List.of(a1)),
                new StatsSnapshot(List.of(), List.of(a2, b))));

        assertThat(node.pools()).containsExactly(b, new PoolStatsRow("db1:3306", 5, 1, 2, 3, 5, 150, 7_000, 100_000));
    }

    @Test
    void mergingNothingIsEmpty() {
        assertThat(StatsSnapshot.merge(List.of())).isEqualTo(StatsSnapshot.EMPTY);
    }

    @Test
    void rowsOfDifferentKeysDoNotMerge() {
        DigestStatsRow one = new DigestStatsRow(0, "app", "", 1, "x", 1, 1, 1, 1, 1, 1, 0, 0);
        DigestStatsRow two = new DigestStatsRow(0, "app", "", 2, "y", 1, 1, 1, 1, 1, 1, 0, 0);
        assertThatThrownBy(() -> one.merge(two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolStatsRow("a:1", 0, 0, 0, 0, 0, 0, 0, 0).merge(new PoolStatsRow("b:1", 0, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
