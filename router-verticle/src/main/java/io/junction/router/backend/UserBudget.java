package io.junction.router.backend;

/**
 * A user's cap on backend connections over all servers ({@code max_backend_connections}, this node's share of
 * it), shared by all event loops of a node; see {@link ConnectionBudget} for how loops share and wait for it. A
 * user without a limit has an {@link #UNLIMITED} budget, which still counts the user's open connections.
 */
public final class UserBudget extends ConnectionBudget {
    /** The cap of a user without {@code max_backend_connections}: every reservation succeeds. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final String user;

    public UserBudget(String user, int max) {
        super(max);
        this.user = user;
    }

    public String user() {
        return user;
    }

    @Override
    String reached() {
        return "max_backend_connections " + max() + " of user " + user;
    }
}
