package io.junction.node;

import io.junction.config.NetTransport;
import io.vertx.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x transport a node runs on, from {@code listener.transport}. io_uring falls back to the native transport,
 * with a warning, where it is unavailable (an old kernel, a seccomp filter that refuses io_uring_setup, a platform
 * other than Linux x86_64): one config file may serve nodes on different hosts.
 */
final class NodeTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTransport.class);

    private NodeTransport() {
    }

    static Transport of(NetTransport wanted) {
        return LoopAcceptingTransport.around(chosen(wanted));
    }

    private static Transport chosen(NetTransport wanted) {
        return switch (wanted) {
            case NIO -> Transport.NIO;
            case NATIVE -> nativeOrNio();
            case IO_URING -> {
                Transport uring = Transport.IO_URING;
                if (uring != null && uring.available()) {
                    yield uring;
                }
                Transport fallback = nativeOrNio();
                LOG.warn("listener.transport io_uring: unavailable here ({}); running on {} instead",
                        uring == null ? "no io_uring classes" : uring.unavailabilityCause(), fallback.name());
                yield fallback;
            }
        };
    }

    /** epoll on Linux, kqueue on macOS, NIO where neither is available. */
    private static Transport nativeOrNio() {
        Transport platform = Transport.nativeTransport();
        return platform != null && platform.available() ? platform : Transport.NIO;
    }
}
