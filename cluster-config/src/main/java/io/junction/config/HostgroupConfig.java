package io.junction.config;

/** A named group of servers that statements are routed to, e.g. 0 = writer, 1 = readers. */
public record HostgroupConfig(int id, String name) {
}
