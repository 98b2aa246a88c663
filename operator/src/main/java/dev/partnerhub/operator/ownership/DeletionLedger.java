package dev.partnerhub.operator.ownership;

import dev.partnerhub.api.v1alpha1.DeletionsStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure bookkeeping of one connection's remote deletions: those of the last hour, those held because the hour's
 * allowance is spent, and those a person approved. Not thread-safe; its owner serialises the calls.
 */
public final class DeletionLedger {

    static final Duration WINDOW = Duration.ofHours(1);
    /** A held request not asked again for this long is dropped: its object no longer wants deleting. */
    static final Duration HELD_EXPIRY = Duration.ofMinutes(10);
    static final int LISTED = 10;
    /** Approved deletions kept across a restart: beyond these, a restart before they are done needs a new token. */
    static final int PERSISTED_APPROVALS = 500;

    private record Held(String what, Instant lastAsked) {
    }

    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private final Map<String, Held> held = new LinkedHashMap<>();
    /** Released by an approval and not done yet, with when: an approval lapses after an hour unused. */
    private final Map<String, Instant> approved = new LinkedHashMap<>();
    /** The deletions granted in the last hour, by key: a retry after a failed call is the same deletion. */
    private final Map<String, Instant> granted = new HashMap<>();
    private String approvedToken;

    /** A ledger resumed from what a connection's status recorded. */
    public static DeletionLedger from(DeletionsStatus recorded, Instant now) {
        DeletionLedger ledger = new DeletionLedger();
        if (recorded != null) {
            recorded.getLastHour().stream().map(Instant::parse).sorted().forEach(ledger.lastHour::add);
            ledger.approvedToken = recorded.getApprovedToken();
            // When each was approved is not recorded: its hour runs again from the resume.
            recorded.getApproved().forEach(key -> ledger.approved.put(key, now));
        }
        return ledger;
    }

    /**
     * Whether a deletion may happen now: granted already within the hour (asked again after its call failed, it is
     * not counted twice), approved, or within the hour's allowance. A granted deletion is counted once; a refused one
     * is held (and listed) until approved or no longer asked for.
     *
     * @param key  identifies what is deleted, the same on every retry
     * @param what how a person reads it: kind namespace/name and what it deletes
     */
    public boolean allow(String key, String what, int maxPerHour, Instant now) {
        prune(now);
        if (granted.containsKey(key)) {
            return true;
        }
        if (approved.remove(key) != null || lastHour.size() < maxPerHour) {
            held.remove(key);
            lastHour.addLast(now);
            granted.put(key, now);
            return true;
        }
        held.put(key, new Held(what, now));
        return false;
    }

    /** A new token of the approval annotation releases everything held at this moment; returns how many. */
    public int approve(String token, Instant now) {
        prune(now);
        approvedToken = token;
        held.keySet().forEach(key -> approved.put(key, now));
        int released = held.size();
        held.clear();
        return released;
    }

    public String approvedToken() {
        return approvedToken;
    }

    public int held() {
        return held.size();
    }

    /** What a connection's status shows, and what a restart resumes from. */
    public DeletionsStatus status(Instant now) {
        prune(now);
        DeletionsStatus status = new DeletionsStatus();
        status.setLastHour(lastHour.stream().map(Instant::toString).toList());
        status.setHeld(held.size());
        List<String> listed = new ArrayList<>();
        held.values().stream().limit(LISTED).forEach(h -> listed.add(h.what()));
        status.setHeldObjects(listed);
        status.setApprovedToken(approvedToken);
        status.setApproved(approved.keySet().stream().limit(PERSISTED_APPROVALS).toList());
        return status;
    }

    private void prune(Instant now) {
        while (!lastHour.isEmpty() && !lastHour.peekFirst().plus(WINDOW).isAfter(now)) {
            lastHour.removeFirst();
        }
        held.values().removeIf(h -> h.lastAsked().plus(HELD_EXPIRY).isBefore(now));
        granted.values().removeIf(at -> !at.plus(WINDOW).isAfter(now));
        approved.values().removeIf(at -> !at.plus(WINDOW).isAfter(now));
    }
}
