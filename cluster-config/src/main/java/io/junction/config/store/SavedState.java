package io.junction.config.store;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a node keeps of the store on its disk ({@link StateFile}): the version it runs and the earlier versions the
 * store kept, newest first, within the store's window of the last {@value SharedDataConfigStore#HISTORY_KEPT}
 * version numbers. A cluster restarted from it ({@link SharedDataConfigStore#restore}) lists, diffs and rolls back
 * to the same versions as before.
 *
 * @param earlier older than {@code current}, newest first, each number once; numbers may skip (a seed from a newer
 *        config file skips some)
 */
public record SavedState(VersionedConfig current, List<VersionedConfig> earlier) {

    /** @throws IllegalArgumentException if {@code earlier} is out of order or outside the window */
    public SavedState {
        Objects.requireNonNull(current);
        earlier = List.copyOf(earlier);
        long newer = current.version();
        for (VersionedConfig version : earlier) {
            if (version.version() >= newer || version.version() <= outsideWindow(current)) {
                throw new IllegalArgumentException("earlier version " + version.version() + " (expected: below "
                        + newer + ", newest first, above " + outsideWindow(current) + ")");
            }
            newer = version.version();
        }
    }

    /** {@code current} and those of {@code kept} (any order, {@code current} may be among them) within the window. */
    public static SavedState of(VersionedConfig current, List<VersionedConfig> kept) {
        return new SavedState(current, kept.stream()
                .filter(v -> v.version() < current.version() && v.version() > outsideWindow(current))
                .sorted(Comparator.comparingLong(VersionedConfig::version).reversed())
                .toList());
    }

    /** The newest version number too old to keep beside {@code current}. */
    private static long outsideWindow(VersionedConfig current) {
        return current.version() - SharedDataConfigStore.HISTORY_KEPT;
    }
}
