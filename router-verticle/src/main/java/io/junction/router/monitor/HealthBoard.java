package io.junction.router.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the monitor publishes what it observes and the router verticles of a node read it: the current
 * {@link HealthSnapshot}, swapped whole. Thread-safe; readers pay one volatile read.
 */
public final class HealthBoard {
    private volatile HealthSnapshot current = HealthSnapshot.EMPTY;
    private final List<Consumer<HealthSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public HealthSnapshot current() {
        return current;
    }

    /** Replaces the snapshot and tells every listener, on the publisher's thread. */
    public void publish(HealthSnapshot next) {
        current = next;
        for (Consumer<HealthSnapshot> listener : listeners) {
            listener.accept(next);
        }
    }

    /** Called with every new snapshot; a router verticle hops to its own event loop from there. */
    public void subscribe(Consumer<HealthSnapshot> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<HealthSnapshot> listener) {
        listeners.remove(listener);
    }
}
