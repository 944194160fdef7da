package io.junction.node;

import io.junction.admin.NodeStatus;

/** Readiness, draining and config version of this node, as the admin endpoints and the member list report them. */
final class NodeState implements NodeStatus {
    private volatile long configVersion;
    private volatile boolean ready;
    private volatile boolean draining;

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

    /** The node was asked to drain: it reports not-ready, so load balancers send new clients elsewhere. */
    void markDraining() {
        draining = true;
        ready = false;
    }

    /** The router verticles now run this version. */
    void configApplied(long version) {
        configVersion = version;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    boolean draining() {
        return draining;
    }

    @Override
    public long configVersion() {
        return configVersion;
    }
}
