package io.junction.node;

import io.junction.admin.NodeStatus;

/** Readiness and config version of this node, as the admin endpoints report them. */
final class NodeState implements NodeStatus {
    private final long configVersion;
    private volatile boolean ready;

    NodeState(long configVersion) {
        this.configVersion = configVersion;
    }

    void markReady() {
        ready = true;
    }

    /** Called first on shutdown, so load balancers polling {@code /ready} stop sending clients. */
    void markStopping() {
        ready = false;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public long configVersion() {
        return configVersion;
    }
}
