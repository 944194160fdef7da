package io.junction.config;

/** The operator's wish for a server. Observed health (shunned) is runtime state, not config. */
public enum ServerStatus {
    /** Takes new work. */
    ONLINE,
    /** Drains: no new borrows, in-flight work finishes. */
    OFFLINE_SOFT,
    /** Closed now. */
    OFFLINE_HARD
}
