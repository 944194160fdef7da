package io.junction.config;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The problems found so far in one validation pass, and the checks every section uses to add to them. Shared by
 * {@link ConfigValidator} and the validators of single sections ({@link RoutingValidator},
 * {@link MonitorValidator}), so one pass reports every problem in file order.
 */
final class Checks {
    private final List<String> problems = new ArrayList<>();

    void add(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** True if {@code min <= value <= max}; else adds {@code path: value (expected: min..max)}. */
    boolean range(String path, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(Problems.of(path, value, min + ".." + max));
            return false;
        }
        return true;
    }

    /** True if {@code id} names a hostgroup; else adds a problem listing the ids there are. */
    boolean hostgroupReference(String path, int id, SortedSet<Integer> hostgroupIds) {
        if (hostgroupIds.contains(id)) {
            return true;
        }
        problems.add(Problems.of(path, id, "one of the hostgroup ids " + hostgroupIds));
        return false;
    }

    /** True if the section is there; else adds {@code path: missing (expected: a path section)}. */
    boolean present(String path, Object section) {
        if (section == null) {
            problems.add(Problems.described(path, "missing", "a " + path + " section"));
        }
        return section != null;
    }

    /** True if {@code s} has 1 to {@code maxCharacters} characters (code points). */
    static boolean within(String s, int maxCharacters) {
        int length = s.codePointCount(0, s.length());
        return length >= 1 && length <= maxCharacters;
    }
}
