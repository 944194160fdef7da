package io.junction.admin;

/**
 * What the admin endpoints need to know about the node they run in. The node implements it; the admin verticle
 * only reads it, so it never depends on the router.
 */
public interface NodeStatus {

    /** True once the node accepts MySQL clients, false again while it shuts down. */
    boolean ready();

    /** Version of the config snapshot the node currently serves. */
    long configVersion();
}
