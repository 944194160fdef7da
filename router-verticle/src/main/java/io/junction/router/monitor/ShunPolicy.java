package io.junction.router.monitor;

/**
 * When consecutive failed pings shun a server and consecutive successful ones bring it back. A pure function
 * of the previous {@link State} and one result; the monitor keeps the state.
 */
record ShunPolicy(int shunAfterFailures, int recoverAfterSuccesses) {

    ShunPolicy {
        if (shunAfterFailures < 1) {
            throw new IllegalArgumentException("shun_after_failures: " + shunAfterFailures + " (expected: >= 1)");
        }
        if (recoverAfterSuccesses < 1) {
            throw new IllegalArgumentException("recover_after_successes: " + recoverAfterSuccesses + " (expected: >= 1)");
        }
    }

    /**
     * @param failures consecutive failed checks while not shunned (the count that shunned it, once shunned)
     * @param successes consecutive successful checks while shunned
     */
    record State(boolean shunned, int failures, int successes) {
        static final State HEALTHY = new State(false, 0, 0);
    }

    State after(State state, boolean succeeded) {
        if (succeeded) {
            if (!state.shunned() || state.successes() + 1 >= recoverAfterSuccesses) {
                return State.HEALTHY;
            }
            return new State(true, state.failures(), state.successes() + 1);
        }
        if (state.shunned()) {
            return new State(true, state.failures(), 0);
        }
        int failures = state.failures() + 1;
        return new State(failures >= shunAfterFailures, failures, 0);
    }
}
