package io.junction.router.frontend;

import io.junction.router.routing.PinCounters;
import io.junction.router.routing.PinReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a session keeps its backend connection: at most one recorded reason per kind, the first statement that
 * caused it, so an operator can see why a session is not multiplexed.
 */
final class Pins {
    private static final Logger LOG = LoggerFactory.getLogger(Pins.class);
    private final Map<PinReason.Kind, PinReason> reasons = new EnumMap<>(PinReason.Kind.class);
    private final PinCounters counters;

    Pins(PinCounters counters) {
        this.counters = counters;
    }

    void add(PinReason.Kind kind, String statement) {
        if (!reasons.containsKey(kind)) {
            PinReason reason = PinReason.of(kind, statement);
            reasons.put(kind, reason);
            counters.pinned(kind);
            LOG.debug("pinned: {}", reason);
        }
    }

    void remove(PinReason.Kind kind) {
        reasons.remove(kind);
    }

    boolean has(PinReason.Kind kind) {
        return reasons.containsKey(kind);
    }

    boolean any() {
        return !reasons.isEmpty();
    }

    void clear() {
        reasons.clear();
    }

    List<PinReason> reasons() {
        return List.copyOf(reasons.values());
    }
}
