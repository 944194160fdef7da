package io.junction.config;

/**
 * A writer/reader hostgroup pair of one replicated cluster. The monitor checks {@code read_only} on every server
 * of either hostgroup: a server with {@code read_only=0} serves the writer hostgroup, one with {@code read_only=1}
 * the reader hostgroup, whatever hostgroup the config put it in. The configuration itself is never rewritten.
 *
 * @param writerIsAlsoReader the writer also takes reads routed to the reader hostgroup
 */
public record ReplicationHostgroupConfig(int writerHostgroup, int readerHostgroup, boolean writerIsAlsoReader) {
}
