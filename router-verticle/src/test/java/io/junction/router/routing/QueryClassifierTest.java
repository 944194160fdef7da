package io.junction.router.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.junction.router.routing.PinReason.Kind.GET_LOCK;
import static io.junction.router.routing.PinReason.Kind.HANDLER;
import static io.junction.router.routing.PinReason.Kind.LOCK_TABLES;
import static io.junction.router.routing.PinReason.Kind.NEXT_TRANSACTION_CHARACTERISTICS;
import static io.junction.router.routing.PinReason.Kind.SQL_CALC_FOUND_ROWS;
import static io.junction.router.routing.PinReason.Kind.TEMPORARY_TABLE;
import static io.junction.router.routing.PinReason.Kind.TEXT_PREPARED_STATEMENT;
import static io.junction.router.routing.PinReason.Kind.USER_VARIABLE;
import static io.junction.router.routing.PinReason.Kind.XA_TRANSACTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QueryClassifierTest {
    private static final QueryTraits PLAIN = new QueryTraits(null, false, false, false, false, false);
    private static final QueryTraits LOCAL_INFILE = new QueryTraits(null, true, false, false, false, false);
    private static final QueryTraits LAST_INSERT_ID = new QueryTraits(null, false, true, false, false, false);
    private static final QueryTraits PREVIOUS_RESULT = new QueryTraits(null, false, false, true, false, false);
    private static final QueryTraits TRACKING = new QueryTraits(null, false, false, false, true, false);
    private static final QueryTraits LOCKING_READ = new QueryTraits(null, false, false, false, false, true);

    static Stream<Arguments> statements() {
        return Stream.of(
                // user variables live on the connection; system variables are tracked by the server
                arguments("SET @x = 1", pin(USER_VARIABLE)),
                arguments("SELECT 1 INTO @total", pin(USER_VARIABLE)),
                arguments("SELECT @`odd name`", pin(USER_VARIABLE)),
                arguments("SELECT 'a@b.com'", PLAIN),
                // locking reads must run on a writer
                arguments("SELECT * FROM t WHERE id = 1 FOR UPDATE", LOCKING_READ),
                arguments("select * from t for share", LOCKING_READ),
                arguments("SELECT * FROM t LOCK IN SHARE MODE", LOCKING_READ),
                arguments("SELECT 'FOR UPDATE' FROM t", PLAIN),
                arguments("UPDATE t SET a = 1", PLAIN),
                arguments("INSERT INTO t (mail) VALUES (\"a@b.com\")", PLAIN),
                arguments("SELECT `@x` FROM t", PLAIN),
                arguments("SELECT @@version", PLAIN),
                arguments("SET @@session.time_zone = '+00:00'", PLAIN),
                arguments("SELECT @@identity", LAST_INSERT_ID),
                arguments("SELECT @@session.identity", LAST_INSERT_ID),
                arguments("SELECT @@last_insert_id", LAST_INSERT_ID),
                // Junction relies on session tracking: a statement naming it may switch it off
                arguments("SET SESSION session_track_state_change = OFF", TRACKING),
                arguments("set @@session.session_track_system_variables = ''", TRACKING),
                arguments("SELECT @@session_track_schema", TRACKING),
                arguments("SELECT 'session_track_schema'", PLAIN),
                // state only this connection holds
                arguments("CREATE TEMPORARY TABLE t (a int)", pin(TEMPORARY_TABLE)),
                arguments("CREATE TABLE temporary_things (a int)", PLAIN),
                arguments("LOCK TABLES t WRITE", pin(LOCK_TABLES)),
                arguments("lock tables t read", pin(LOCK_TABLES)),
                arguments("FLUSH TABLES WITH READ LOCK", pin(LOCK_TABLES)),
                arguments("select get_lock('x', 1)", pin(GET_LOCK)),
                arguments("SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 1", pin(SQL_CALC_FOUND_ROWS)),
                arguments("PREPARE s FROM 'select 1'", pin(TEXT_PREPARED_STATEMENT)),
                arguments("EXECUTE s USING @a", pin(TEXT_PREPARED_STATEMENT)),
                arguments("DEALLOCATE PREPARE s", pin(TEXT_PREPARED_STATEMENT)),
                arguments("HANDLER t OPEN", pin(HANDLER)),
                arguments("XA START 'x'", pin(XA_TRANSACTION)),
                arguments("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", pin(NEXT_TRANSACTION_CHARACTERISTICS)),
                arguments("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", PLAIN),
                // LOAD DATA LOCAL asks the client for a file
                arguments("LOAD DATA LOCAL INFILE 'x' INTO TABLE t", LOCAL_INFILE),
                arguments("load data low_priority local infile 'x' into table t", LOCAL_INFILE),
                arguments("LOAD XML LOCAL INFILE 'x' INTO TABLE t", LOCAL_INFILE),
                arguments("LOAD DATA INFILE 'x' INTO TABLE t", PLAIN),
                arguments("SELECT local FROM t", PLAIN),
                // comments hide text; executable comments do not
                arguments("/* @x */ SELECT 1", PLAIN),
                arguments("-- @x\nSELECT 1", PLAIN),
                arguments("# @x\nSELECT 1", PLAIN),
                arguments("SELECT 1 /* unterminated @x", PLAIN),
                arguments("SELECT 1--@x", pin(USER_VARIABLE)),
                arguments("/*! SET @x=1 */", pin(USER_VARIABLE)),
                arguments("/*!40101 SET @x=1 */", pin(USER_VARIABLE)),
                arguments("/*!40101 LOCK TABLES t READ */", pin(LOCK_TABLES)),
                arguments("/*M!100100 LOCK TABLES t READ */", pin(LOCK_TABLES)),
                arguments("/*M!100100 SELECT 1 */; LOCK TABLES t READ", pin(LOCK_TABLES)),
                // reads of the previous statement's results
                arguments("SELECT LAST_INSERT_ID()", LAST_INSERT_ID),
                arguments("select row_count()", PREVIOUS_RESULT),
                arguments("SELECT FOUND_ROWS()", PREVIOUS_RESULT),
                arguments("SELECT last_insert_id FROM t", PLAIN),
                // every statement of a multi-statement counts
                arguments("SELECT 1; LOCK TABLES t READ", pin(LOCK_TABLES)),
                arguments("SELECT 1;SET TRANSACTION READ ONLY", pin(NEXT_TRANSACTION_CHARACTERISTICS)),
                arguments("SELECT ';LOCK TABLES t READ'", PLAIN),
                // quotes inside strings do not end them
                arguments("SELECT 'it\\'s @x'", PLAIN),
                arguments("SELECT 'it''s @x'", PLAIN),
                arguments("SELECT \"say \\\"@x\\\"\" FROM t", PLAIN),
                arguments("SELECT 'a\\'b', @x", pin(USER_VARIABLE)),
                arguments("SELECT 'a\\\\', @x", pin(USER_VARIABLE)),
                arguments("SELECT 1", PLAIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void classifies(String sql, QueryTraits expected) {
        assertThat(QueryClassifier.classify(sql)).isEqualTo(expected);
    }

    @Test
    void firstPinWins() {
        assertThat(QueryClassifier.classify("LOCK TABLES t WRITE; SET @x = 1").pin()).isEqualTo(LOCK_TABLES);
        assertThat(QueryClassifier.classify("SET @x = 1; LOCK TABLES t WRITE").pin()).isEqualTo(USER_VARIABLE);
    }

    @Test
    void traitsCombine() {
        assertThat(QueryClassifier.classify("SELECT LAST_INSERT_ID(), FOUND_ROWS(), @x"))
                .isEqualTo(new QueryTraits(USER_VARIABLE, false, true, true, false, false));
    }

    @Test
    void reasonKeepsTheFirst200Characters() {
        String sql = "SET @x = '" + "a".repeat(300) + "'";

        assertThat(PinReason.of(USER_VARIABLE, sql).statement()).isEqualTo(sql.substring(0, 200));
        assertThat(PinReason.of(USER_VARIABLE, "SET @x = 1").statement()).isEqualTo("SET @x = 1");
    }

    private static QueryTraits pin(PinReason.Kind kind) {
        return new QueryTraits(kind, false, false, false, false, false);
    }
}
