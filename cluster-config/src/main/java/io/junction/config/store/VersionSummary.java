package io.junction.config.store;

import java.time.Instant;

/** One line of the history: who committed which version, when, and why. */
public record VersionSummary(long version, Instant committedAt, String author, String comment) {
}
