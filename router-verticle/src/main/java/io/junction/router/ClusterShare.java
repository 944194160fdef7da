package io.junction.router;

/**
 * This node's part of a budget set for the whole cluster ({@code max_connections} of a server, of a user's
 * clients, a user's {@code max_backend_connections}): members are ranked 0..members-1 (by the cluster, e.g. by node id), and each gets
 * {@code floor(max / members)}, the first {@code max % members} one more, so the shares add up to exactly
 * {@code max}. A share can be 0 when {@code max < members}: that node then opens no connection to the server or as
 * the user (its statements wait for the pool timeout and fail with 9001) or admits no client of the user (error
 * 1226); raise the cap to at least the number of nodes to avoid it.
 *
 * @param rank this node's place, {@code 0 <= rank < members}
 * @param members live nodes, at least 1
 */
public record ClusterShare(int rank, int members) {
    /** A node alone: its share is the whole budget. */
    public static final ClusterShare ALONE = new ClusterShare(0, 1);

    public ClusterShare {
        if (members < 1) {
            throw new IllegalArgumentException("members: " + members + " (expected: >= 1)");
        }
        if (rank < 0 || rank >= members) {
            throw new IllegalArgumentException("rank: " + rank + " (expected: 0 <= rank < " + members + ")");
        }
    }

    /** This node's share of {@code max}. */
    public int of(int max) {
        return max / members + (rank < max % members ? 1 : 0);
    }
}
