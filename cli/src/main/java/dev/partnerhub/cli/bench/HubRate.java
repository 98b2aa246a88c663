package dev.partnerhub.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * A rate limit checked where the calls arrive: from the hub's calls per second, the most calls in any window of
 * w seconds, against what a token bucket of {@code rate} per second and {@code burst} allows in that window.
 */
final class HubRate {

    /** The busiest window of one length. */
    record Window(int seconds, long most, double allowed) {
        boolean kept() {
            return most <= allowed;
        }
    }

    private HubRate() {
    }

    static List<Window> windows(SortedMap<Long, Long> perSecond, double rate, int burst, int... lengths) {
        List<Window> windows = new ArrayList<>();
        if (perSecond.isEmpty()) {
            return windows;
        }
        long first = perSecond.firstKey();
        long last = perSecond.lastKey();
        for (int w : lengths) {
            long most = 0;
            for (long start = first; start <= last; start++) {
                long sum = perSecond.subMap(start, start + w).values().stream().mapToLong(Long::longValue).sum();
                most = Math.max(most, sum);
            }
            windows.add(new Window(w, most, rate * w + burst));
        }
        return windows;
    }
}
