package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Turns a listener on port 0 ("any free port") into one on a concrete free port. Vert.x shares one listening socket
 * among the router verticles, and hands accepted clients to their event loops in turn, only when they bind the same
 * port; with port 0 each instance binds a port of its own, the node announces one of them, and every client lands
 * on one event loop.
 */
final class ListenerPort {
    private ListenerPort() {
    }

    /** {@code config} itself unless its listener port is 0; then the same config on a port free right now. */
    static JunctionConfig concrete(JunctionConfig config) {
        ListenerConfig listener = config.listener();
        if (listener.port() != 0) {
            return config;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(listener.host(), 0));
            return config.withListener(listener.withPort(probe.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("listener: no free port on " + listener.host(), e);
        }
    }
}
