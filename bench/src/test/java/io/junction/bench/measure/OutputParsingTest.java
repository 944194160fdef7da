package io.junction.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parsers of what other programs print: sysbench's report, Prometheus text, the JVM's GC log. */
class OutputParsingTest {

    /** The tail of a real sysbench 1.0.20 oltp_read_only report. */
    private static final String SYSBENCH = """
            SQL statistics:
                queries performed:
                    read:                            153650
                    write:                           0
                    other:                           21950
                    total:                           175600
                transactions:                        10975  (2193.21 per sec.)
                queries:                             175600 (35091.37 per sec.)
                ignored errors:                      2      (0.40 per sec.)
                reconnects:                          1      (0.20 per sec.)

            General statistics:
                total time:                          5.0021s
                total number of events:              10975

            Latency (ms):
                     min:                                    1.46
                     avg:                                    3.64
                     max:                                   41.30
                     99th percentile:                        9.06
                     sum:                                39961.02
            """;

    @Test
    void sysbenchReport() {
        SysbenchOutput out = SysbenchOutput.parse(SYSBENCH);
        assertThat(out.transactions()).isEqualTo(10975);
        assertThat(out.tps()).isEqualTo(2193.21);
        assertThat(out.queries()).isEqualTo(175600);
        assertThat(out.qps()).isEqualTo(35091.37);
        assertThat(out.avgMs()).isEqualTo(3.64);
        assertThat(out.percentileMs()).isEqualTo(9.06);
        assertThat(out.errors()).isEqualTo(3);
    }

    @Test
    void sysbenchThatDiedBeforeReportingIsAnError() {
        assertThatThrownBy(() -> SysbenchOutput.parse("FATAL: unable to connect to MySQL server on host '127.0.0.1'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unable to connect");
    }

    @Test
    void prometheusSumsTheMatchingSeries() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3000000.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
                junction_backend_connections{server="127.0.0.1:3306"} 7.0
                junction_backend_connections{server="127.0.0.1:3307"} 5.0
                junction_client_connections 1500.0
                junction_client_connections_total 99.0
                """;
        assertThat(Metrics.sum(text, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(15_000_000.0);
        assertThat(Metrics.sum(text, "junction_backend_connections", null)).isEqualTo(12.0);
        assertThat(Metrics.sum(text, "junction_client_connections", null)).isEqualTo(1500.0);
        assertThat(Metrics.sum(text, "junction_pins_total", null)).isNaN();
    }

    @Test
    void gcLogGivesTheLargestHeapLeftAfterACollection() {
        String log = """
                [12.345s][info][gc] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 120M->15M(2048M) 3.456ms
                [13.001s][info][gc] GC(6) Pause Young (Normal) (G1 Evacuation Pause) 130M->22M(2048M) 2.100ms
                [13.500s][info][gc] GC(7) Pause Full (System.gc()) 30M->9M(64M) 20.000ms
                [14.000s][info][gc] GC(8) Pause Young (Normal) (G1 Evacuation Pause) 900K->512K(2048M) 1.000ms
                """;
        GcLog.Window window = GcLog.parse(log);
        assertThat(window.collections()).isEqualTo(4);
        assertThat(window.maxAfterBytes()).isEqualTo(22L << 20);
        assertThat(GcLog.parse("[1.0s][info][gc] Using G1").collections()).isZero();
    }
}
