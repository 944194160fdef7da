package io.junction.router.backend;

/**
 * A server's cap on backend connections ({@code max_connections}, this node's share of it), shared by all event
 * loops of a node; see {@link ConnectionBudget} for how loops share and wait for it.
 */
public final class ServerBudget extends ConnectionBudget {
    private final String address;

    public ServerBudget(String address, int max) {
        super(max);
        this.address = address;
    }

    public String address() {
        return address;
    }

    @Override
    String reached() {
        return "max_connections " + max();
    }
}
