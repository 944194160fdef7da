package io.junction.bench.measure;

/** Junction's CPU time, user and kernel, summed over the runs it was asked to watch. */
public final class CpuTally {
    private final JunctionProbe probe;
    private ProcessCpu used = new ProcessCpu(0, 0);

    public CpuTally(JunctionProbe probe) {
        this.probe = probe;
    }

    /** Runs {@code run} and adds what Junction used meanwhile. */
    public <T> T during(PairedRounds.Side<T> run) throws InterruptedException {
        ProcessCpu before = probe.cpu();
        T outcome = run.run();
        used = used.plus(probe.cpu().since(before));
        return outcome;
    }

    public ProcessCpu used() {
        return used;
    }
}
