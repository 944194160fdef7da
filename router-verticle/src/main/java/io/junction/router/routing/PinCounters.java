package io.junction.router.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How often sessions of a node were pinned, by reason: shared by its event loops, read by metrics. */
public final class PinCounters {
    private final Map<PinReason.Kind, LongAdder> counts = new EnumMap<>(PinReason.Kind.class);

    public PinCounters() {
        for (PinReason.Kind kind : PinReason.Kind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    public void pinned(PinReason.Kind kind) {
        counts.get(kind).increment();
    }

    public long count(PinReason.Kind kind) {
        return counts.get(kind).sum();
    }
}
