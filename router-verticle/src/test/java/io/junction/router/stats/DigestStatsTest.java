package io.junction.router.stats;

import io.junction.router.routing.QueryDigest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestStatsTest {
    private static final QueryDigest BY_ID = QueryDigest.of("SELECT * FROM t WHERE id = 1");
    private static final QueryDigest UPDATE = QueryDigest.of("UPDATE t SET a = 1 WHERE id = 2");

    @Test
    void statementsOfOneDigestAddUp() {
        DigestStats stats = new DigestStats();
        stats.record(0, "app", "shop", QueryDigest.of("SELECT * FROM t WHERE id = 7"), 2_500_000, 1, 0, 1_000);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT * FROM t WHERE id = 8"), 500_000, 0, 0, 3_000);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT  * FROM t WHERE id = 9"), 9_000_999, 2, 0, 2_000);

        assertThat(stats.snapshot()).containsExactly(new DigestStatsRow(0, "app", "shop", BY_ID.hash(),
                "SELECT * FROM t WHERE id = ?", 3, 1_000, 3_000, 2_500 + 500 + 9_000, 500, 9_000, 3, 0));
        assertThat(stats.snapshot().get(0).digestHex()).isEqualTo(BY_ID.hashHex());
    }

    @Test
    void hostgroupUserAndSchemaKeepRowsApart() {
        DigestStats stats = new DigestStats();
        stats.record(0, "app", "shop", BY_ID, 1_000, 1, 0, 10);
        stats.record(1, "app", "shop", BY_ID, 1_000, 1, 0, 10);
        stats.record(0, "report", "shop", BY_ID, 1_000, 1, 0, 10);
        stats.record(0, "app", "other", BY_ID, 1_000, 1, 0, 10);
        stats.record(0, "app", null, BY_ID, 1_000, 1, 0, 10);
        stats.record(0, "app", "", BY_ID, 1_000, 1, 0, 10);
        stats.record(0, "app", "shop", UPDATE, 1_000, 0, 1, 10);

        assertThat(stats.size()).isEqualTo(6);
        assertThat(stats.snapshot()).extracting(r -> r.hostgroup() + "/" + r.user() + "/" + r.schema() + "/" + r.digestText() + "/" + r.count())
                .containsExactlyInAnyOrder(
                        "0/app/shop/SELECT * FROM t WHERE id = ?/1",
                        "1/app/shop/SELECT * FROM t WHERE id = ?/1",
                        "0/report/shop/SELECT * FROM t WHERE id = ?/1",
                        "0/app/other/SELECT * FROM t WHERE id = ?/1",
                        "0/app//SELECT * FROM t WHERE id = ?/2", // no schema: null and "" are the same
                        "0/app/shop/UPDATE t SET a = ? WHERE id = ?/1");
    }

    @Test
    void rowsAffectedAndNegativeDurationsAreKept() {
        DigestStats stats = new DigestStats();
        stats.record(0, "app", "shop", UPDATE, -5, 0, 3, 10);
        stats.record(0, "app", "shop", UPDATE, 999, 0, 4, 10);
        DigestStatsRow row = stats.snapshot().get(0);
        assertThat(row.rowsAffected()).isEqualTo(7);
        assertThat(row.sumTimeMicros()).isZero();
        assertThat(row.minTimeMicros()).isZero();
        assertThat(row.maxTimeMicros()).isZero();
    }

    @Test
    void pastTheLimitNewKeysGoToTheOverflowRow() {
        DigestStats stats = new DigestStats(2);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT 1"), 1_000, 1, 0, 10);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT a FROM t"), 2_000, 5, 0, 20);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT b FROM t"), 3_000, 6, 0, 30);
        stats.record(1, "app", "shop", QueryDigest.of("SELECT 2"), 4_000, 1, 0, 40);
        stats.record(0, "app", "shop", QueryDigest.of("SELECT 3"), 5_000, 1, 0, 50); // a known key still counts as itself

        List<DigestStatsRow> rows = stats.snapshot();
        assertThat(stats.size()).isEqualTo(2);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).isEqualTo(new DigestStatsRow(-1, "", "", 0, DigestStats.OTHER_TEXT, 2, 30, 40, 7, 3, 4, 7, 0));
        assertThat(rows.subList(0, 2)).extracting(DigestStatsRow::digestText, DigestStatsRow::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SELECT ?", 2L),
                        org.assertj.core.groups.Tuple.tuple("SELECT a FROM t", 1L));
    }

    @Test
    void noOverflowRowWhileThereIsRoom() {
        DigestStats stats = new DigestStats(1);
        stats.record(0, "app", "shop", BY_ID, 1_000, 1, 0, 10);
        assertThat(stats.snapshot()).extracting(DigestStatsRow::digestText).containsExactly("SELECT * FROM t WHERE id = ?");
        assertThatThrownBy(() -> new DigestStats(0)).hasMessage("maxEntries: 0 (expected: >= 1)");
    }

    @Test
    void manyKeysAreAllFoundAgainAfterTheTableGrows() {
        DigestStats stats = new DigestStats();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                stats.record(i % 3, "user" + (i % 7), "schema" + (i % 5), QueryDigest.of("SELECT c" + i + " FROM t"), 1_000, 0, 0, 10);
            }
        }
        assertThat(stats.size()).isEqualTo(5_000);
        assertThat(stats.snapshot()).hasSize(5_000).allSatisfy(row -> assertThat(row.count()).isEqualTo(2));
    }
}
