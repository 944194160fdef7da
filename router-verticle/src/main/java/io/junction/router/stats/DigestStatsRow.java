package io.junction.router.stats;

import java.util.HexFormat;

/**
 * What one event loop, or a whole node after {@link StatsSnapshot#merge}, saw of one statement digest run by one
 * user in one default schema on one hostgroup. Times are in microseconds, {@code firstSeen} and {@code lastSeen}
 * in epoch milliseconds. The overflow row of a full {@link DigestStats} has hostgroup -1, empty user and schema,
 * digest 0 and the text {@value DigestStats#OTHER_TEXT}.
 */
public record DigestStatsRow(int hostgroup, String user, String schema, long digest, String digestText,
                             long count, long firstSeen, long lastSeen,
                             long sumTimeMicros, long minTimeMicros, long maxTimeMicros,
                             long rowsSent, long rowsAffected) {

    /** The digest hash as 16 lowercase hex digits. */
    public String digestHex() {
        return HexFormat.of().toHexDigits(digest);
    }

    /** Whether {@code other} counts the same (hostgroup, user, schema, digest). */
    public boolean sameKey(DigestStatsRow other) {
        return hostgroup == other.hostgroup && digest == other.digest && user.equals(other.user) && schema.equals(other.schema);
    }

    /** Both rows' counts as one: sums, the smaller minimum and first sighting, the larger maximum and last. */
    public DigestStatsRow merge(DigestStatsRow other) {
        if (!sameKey(other)) {
            throw new IllegalArgumentException("cannot merge rows of different digests: " + this + " and " + other);
        }
        return new DigestStatsRow(hostgroup, user, schema, digest, digestText,
                count + other.count, Math.min(firstSeen, other.firstSeen), Math.max(lastSeen, other.lastSeen),
                sumTimeMicros + other.sumTimeMicros, Math.min(minTimeMicros, other.minTimeMicros),
                Math.max(maxTimeMicros, other.maxTimeMicros),
                rowsSent + other.rowsSent, rowsAffected + other.rowsAffected);
    }
}
