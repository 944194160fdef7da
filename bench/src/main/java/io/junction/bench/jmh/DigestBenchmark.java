package io.junction.bench.jmh;

import io.junction.router.routing.QueryDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link QueryDigest#of} on typical statements: a point select, a multi-row insert, a long IN list, a join. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DigestBenchmark {
    static final Map<String, String> STATEMENTS = Map.of(
            "pointSelect", "SELECT c FROM sbtest1 WHERE id = 4242",
            "insertValues", "INSERT INTO orders (id, customer, total, note) VALUES (1, 'alice', 12.50, 'first'), "
                    + "(2, 'bob', 7.25, NULL), (3, 'carol', 99.99, 'it''s urgent')",
            "inList", "SELECT id, name FROM users WHERE id IN (" + "1, 2, 3, 5, 8, 13, 21, 34, 55, 89, ".repeat(10) + "144)",
            "joinWithComments", "/* app=shop */ SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id "
                    + "WHERE o.created_at > '2024-01-01' AND o.total >= -5.5 -- recent\nORDER BY o.id LIMIT 50");

    @Param({"pointSelect", "insertValues", "inList", "joinWithComments"})
    public String statement;

    private String sql;

    @Setup
    public void setUp() {
        sql = STATEMENTS.get(statement);
    }

    @Benchmark
    public QueryDigest digest() {
        return QueryDigest.of(sql);
    }
}
