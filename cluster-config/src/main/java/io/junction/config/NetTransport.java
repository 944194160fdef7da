package io.junction.config;

/**
 * The network transport of a node's sockets (listener, backends, monitor, admin, event bus), for
 * {@code listener.transport}. Written in config files in lower case.
 */
public enum NetTransport {
    /** The platform's native transport (epoll on Linux, kqueue on macOS), Java NIO where there is none. */
    NATIVE,
    /**
     * Linux io_uring: a loop's reads and writes of all its sockets go to the kernel in one system call per turn, which
     * costs less CPU per statement than epoll's call per socket. Falls back to {@link #NATIVE} where the kernel or a
     * seccomp filter refuses io_uring. Vert.x 5.0's io_uring transport has no Unix sockets.
     */
    IO_URING,
    /** Java NIO, everywhere. */
    NIO;

    /** The name used in config files: {@code native}, {@code io_uring}, {@code nio}. */
    public String configName() {
        return ConfigNames.of(this);
    }

    /** The transport a config file names, or null if it names none. */
    static NetTransport parse(String name) {
        return ConfigNames.parse(values(), name);
    }

    /** The names, for an error message: {@code native, io_uring, nio}. */
    static String names() {
        return ConfigNames.list(values());
    }
}
