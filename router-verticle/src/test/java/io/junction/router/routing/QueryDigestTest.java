package io.junction.router.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QueryDigestTest {

    static Stream<Arguments> digests() {
        return Stream.of(
                // numbers
                arguments("SELECT * FROM t WHERE id = 42", "SELECT * FROM t WHERE id = ?"),
                arguments("SELECT 1, 2.5, .5, 1e5, 1.5E-3, 6.", "SELECT ?, ?, ?, ?, ?, ?"),
                arguments("SELECT 0x1F, 0XfF, 0b101", "SELECT ?, ?, ?"),
                arguments("SELECT .5 FROM t WHERE a=.5 AND t.5x = 1", "SELECT ? FROM t WHERE a=? AND t.5x = ?"),
                arguments("SELECT a FROM t LIMIT 10 OFFSET 20", "SELECT a FROM t LIMIT ? OFFSET ?"),
                // signs: part of the literal after an operator or keyword, an operator after a value
                arguments("SELECT -5", "SELECT ?"),
                arguments("SELECT * FROM t WHERE a = -5 AND b > +3", "SELECT * FROM t WHERE a = ? AND b > ?"),
                arguments("UPDATE t SET a=-1.5", "UPDATE t SET a=?"),
                arguments("SELECT a - 5, a-5, a--5, (a) - 1", "SELECT a - ?, a-?, a-?, (a) - ?"),
                arguments("SELECT f(-1, - 2)", "SELECT f(?, ?)"),
                arguments("SELECT CASE WHEN a THEN -1 ELSE -2 END", "SELECT CASE WHEN a THEN ? ELSE ? END"),
                // strings, escapes and introducers
                arguments("SELECT 'abc'", "SELECT ?"),
                arguments("SELECT * FROM t WHERE name = 'O\\'Brien' AND x = 'it''s'", "SELECT * FROM t WHERE name = ? AND x = ?"),
                arguments("SELECT \"say \\\"hi\\\"\", \"a\"\"b\"", "SELECT ?, ?"),
                arguments("SELECT 'a\\\\', 'b'", "SELECT ?, ?"),
                arguments("SELECT _utf8mb4'x', N'y', X'1F', x'00', B'01', _binary\"z\"", "SELECT ?, ?, ?, ?, ?, ?"),
                arguments("SELECT _latin1 'x'", "SELECT _latin1 ?"), // an introducer apart from its string stays
                arguments("SELECT 'unterminated", "SELECT ?"),
                // names stay as written
                arguments("SELECT t1.c2 FROM t1 JOIN db3.t4 ON t1.id = t4.id", "SELECT t1.c2 FROM t1 JOIN db3.t4 ON t1.id = t4.id"),
                arguments("SELECT `col 1`, `we``ird`, 1abc FROM `t2` WHERE `x` = 7", "SELECT `col 1`, `we``ird`, 1abc FROM `t2` WHERE `x` = ?"),
                arguments("select Id from Users where NAME = 'x'", "select Id from Users where NAME = ?"),
                arguments("SELECT @v, @@session.sql_mode, @'q', @`r`", "SELECT @v, @@session.sql_mode, @'q', @`r`"),
                arguments("SELECT NULL, TRUE, FALSE FROM t WHERE a IS NULL", "SELECT NULL, TRUE, FALSE FROM t WHERE a IS NULL"),
                arguments("SELECT ? FROM t WHERE a = ?", "SELECT ? FROM t WHERE a = ?"),
                // IN lists and VALUES rows
                arguments("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (...)"),
                arguments("SELECT * FROM t WHERE id IN(1)", "SELECT * FROM t WHERE id IN (...)"),
                arguments("SELECT * FROM t WHERE id NOT IN ( 'a' , -1 , NULL , ? )", "SELECT * FROM t WHERE id NOT IN (...)"),
                arguments("SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4))", "SELECT * FROM t WHERE (a, b) IN (...)"),
                arguments("SELECT * FROM t WHERE id IN (1, b, 3)", "SELECT * FROM t WHERE id IN (?, b, ?)"),
                arguments("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = 1)",
                        "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = ?)"),
                arguments("INSERT INTO t (a, b) VALUES (1, 'x')", "INSERT INTO t (a, b) VALUES (...)"),
                arguments("INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL),(3,DEFAULT)", "INSERT INTO t (a, b) VALUES (...)"),
                arguments("insert into t values(1, 'x') , /* c */ (2, 'y') on duplicate key update b = values(b)",
                        "insert into t values (...) on duplicate key update b = values(b)"),
                arguments("INSERT INTO t VALUES (1, NOW()), (2, NOW())", "INSERT INTO t VALUES (?, NOW()), (?, NOW())"),
                arguments("INSERT INTO t VALUES (1, 2), (3, NOW())", "INSERT INTO t VALUES (...), (?, NOW())"),
                arguments("SELECT COUNT(*) FROM t", "SELECT COUNT(*) FROM t"),
                // comments, executable comments included, and whitespace
                arguments("SELECT /* hint */ a FROM t -- trailing\n WHERE b = 1 # more", "SELECT a FROM t WHERE b = ?"),
                arguments("SELECT /*!40001 SQL_NO_CACHE */ * FROM t", "SELECT * FROM t"),
                arguments("SELECT /*+ MAX_EXECUTION_TIME(10) */ a /*M!100100 , b */ FROM t", "SELECT a FROM t"),
                arguments("SELECT 5--3", "SELECT ?-?"),
                arguments("SELECT 1 /* never closed", "SELECT ?"),
                arguments("  SELECT\t a ,\n\n  b\r\nFROM   t  ", "SELECT a , b FROM t"),
                arguments("", ""),
                arguments("   ", ""));
    }

    @ParameterizedTest
    @MethodSource("digests")
    void normalizes(String sql, String text) {
        assertThat(QueryDigest.of(sql).text()).isEqualTo(text);
    }

    static Stream<Arguments> sameDigest() {
        return Stream.of(
                arguments("SELECT * FROM t WHERE id = 1", "SELECT * FROM t WHERE id = 98765"),
                arguments("SELECT * FROM t WHERE name = 'a'", "SELECT * FROM t WHERE name = 'it\\'s ''quoted'''"),
                arguments("SELECT * FROM t WHERE id IN (1)", "SELECT * FROM t WHERE id IN (1, 2, 3, 4, 5)"),
                arguments("INSERT INTO t VALUES (1, 'a')", "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')"),
                arguments("SELECT a FROM t WHERE b = 1", "SELECT  a /* x */ FROM t\nWHERE b = 2 -- why"),
                arguments("SELECT a FROM t WHERE b = -1", "SELECT a FROM t WHERE b = 7"));
    }

    @ParameterizedTest
    @MethodSource("sameDigest")
    void statementsDifferingOnlyInLiteralsShareADigest(String one, String other) {
        QueryDigest a = QueryDigest.of(one);
        QueryDigest b = QueryDigest.of(other);
        assertThat(b.text()).isEqualTo(a.text());
        assertThat(b.hash()).isEqualTo(a.hash());
    }

    @Test
    void differentStatementsHaveDifferentHashes() {
        assertThat(QueryDigest.of("SELECT a FROM t WHERE b = 1").hash())
                .isNotEqualTo(QueryDigest.of("SELECT a FROM t WHERE c = 1").hash());
        assertThat(QueryDigest.of("SELECT t1 FROM t").hash()).isNotEqualTo(QueryDigest.of("SELECT t2 FROM t").hash());
    }

    @Test
    void hashIsFnv1a64OfTheUtf8Text() {
        // published FNV-1a 64 test vectors
        assertThat(QueryDigest.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(QueryDigest.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(QueryDigest.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
        String mixed = "SELECT ? FROM tëst_€_\uD83D\uDE00_\uD800x";
        assertThat(QueryDigest.fnv1a64(mixed)).isEqualTo(referenceFnv(mixed.getBytes(StandardCharsets.UTF_8)));
        QueryDigest digest = QueryDigest.of("SELECT 1");
        assertThat(digest.hash()).isEqualTo(referenceFnv("SELECT ?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashHexIsSixteenLowercaseDigits() {
        assertThat(new QueryDigest(0xABL, "x").hashHex()).isEqualTo("00000000000000ab");
        assertThat(new QueryDigest(0x85944171f73967e8L, "x").hashHex()).isEqualTo("85944171f73967e8");
        assertThat(QueryDigest.of("SELECT 1").hashHex()).matches("[0-9a-f]{16}");
    }

    @Test
    void longTextIsCut() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < 1_000; i++) {
            sql.append("column_").append(i).append(", ");
        }
        sql.append("1 FROM t");
        assertThat(QueryDigest.of(sql.toString()).text()).hasSize(QueryDigest.MAX_TEXT_LENGTH).startsWith("SELECT column_0, column_1, ");
    }

    @Test
    void aHugeBulkInsertStillCollapses() {
        StringBuilder sql = new StringBuilder("INSERT INTO t (a, b) VALUES ");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i == 0 ? "" : ",").append('(').append(i).append(", 'v").append(i).append("')");
        }
        assertThat(QueryDigest.of(sql.toString()).text()).isEqualTo("INSERT INTO t (a, b) VALUES (...)");
    }

    private static long referenceFnv(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
