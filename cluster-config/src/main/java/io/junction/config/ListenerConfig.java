package io.junction.config;

/**
 * Where applications connect.
 *
 * @param eventLoops router verticle instances; 0 means one per core
 * @param eventLoopPriority the nice value (-20..19) the router's event loop threads run at; 0 leaves them at the
 *        process's. A negative value needs root or CAP_SYS_NICE. Each loop serves thousands of sessions, so on a host
 *        shared with busy threads (the database, the application) a loop that waits for a core stalls all of them.
 * @param transport the network transport of all the node's sockets, chosen when the node starts
 */
public record ListenerConfig(String host, int port, int eventLoops, int eventLoopPriority, NetTransport transport) {

    /** All interfaces, port 6033, one event loop per core at the process's priority, the native transport. */
    public static final ListenerConfig DEFAULT = new ListenerConfig("0.0.0.0", 6033, 0, 0, NetTransport.NATIVE);

    /** A listener on the native transport whose event loops run at the process's priority. */
    public ListenerConfig(String host, int port, int eventLoops) {
        this(host, port, eventLoops, 0, NetTransport.NATIVE);
    }

    /** A listener on the native transport. */
    public ListenerConfig(String host, int port, int eventLoops, int eventLoopPriority) {
        this(host, port, eventLoops, eventLoopPriority, NetTransport.NATIVE);
    }

    public ListenerConfig withPort(int port) {
        return new ListenerConfig(host, port, eventLoops, eventLoopPriority, transport);
    }
}
