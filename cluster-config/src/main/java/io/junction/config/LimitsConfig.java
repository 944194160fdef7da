package io.junction.config;

/**
 * Node-wide limits.
 *
 * @param maxClientConnections client connections this node accepts at once; more get error 1040
 * @param maxPacketSize largest packet (after joining 16 MB splits) a client may send
 * @param localInfile whether LOAD DATA LOCAL INFILE is relayed; refused with an error when false
 * @param maxRetries (routing) times a statement that could not get a connection is tried on another server
 */
public record LimitsConfig(int maxClientConnections, int maxPacketSize, boolean localInfile, int maxRetries) {

    /** 10000 clients, 64 MiB packets, no LOCAL INFILE, one retry. */
    public static final LimitsConfig DEFAULT = new LimitsConfig(10_000, 64 * 1024 * 1024, false, 1);
}
