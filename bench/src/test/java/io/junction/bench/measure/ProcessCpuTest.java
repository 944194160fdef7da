package io.junction.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void readsUserAndKernelTicksCountingFieldsFromTheEndOfTheCommandName() {
        // a command name with a space and a parenthesis, as a thread name may have
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12345 0 0 0 1530 270 0 0 20 0 40 0 99 0 0";

        ProcessCpu cpu = ProcessCpu.parse(stat, 100);

        assertThat(cpu).isEqualTo(new ProcessCpu(15_300_000_000L, 2_700_000_000L));
        assertThat(cpu.since(new ProcessCpu(300_000_000L, 700_000_000L)))
                .isEqualTo(new ProcessCpu(15_000_000_000L, 2_000_000_000L));
        assertThat(cpu.plus(new ProcessCpu(700_000_000L, 300_000_000L)))
                .isEqualTo(new ProcessCpu(16_000_000_000L, 3_000_000_000L));
    }

    @Test
    void readsThisProcessFromProc() {
        ProcessCpu cpu = ProcessCpu.of(ProcessHandle.current().pid(), ProcessCpu.ticksPerSecond());

        assertThat(cpu.userNanos() + cpu.kernelNanos()).isPositive();
    }
}
