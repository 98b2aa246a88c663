package dev.partnerhub.sandbox.webex;

import dev.partnerhub.sandbox.webex.WebexRecords.License;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's records by customer, org, person and email, and the subscribers with a step due. A hub holding
 * 100,000 subscribers answered each list by scanning all of them (and each person of a page by scanning them again
 * for its email): up to 2.5 s a call, under the store's one lock, so the benchmark measured the test double instead
 * of the operator. {@link WebexStore}'s mutators keep it in step; callers hold the store's monitor.
 */
final class WebexIndex {

    private final Map<String, Map<String, Subscriber>> wholesaleByCustomer = new HashMap<>();
    private final Map<String, Subscriber> byPerson = new HashMap<>();
    private final Map<String, List<Subscriber>> byEmail = new HashMap<>();
    private final Map<String, Map<String, Person>> peopleByOrg = new HashMap<>();
    private final Map<String, List<License>> licensesByOrg = new HashMap<>();
    /** Subscribers with a due time, in no particular order (identity: a record has no equals). */
    private final Set<Subscriber> unsettled = new LinkedHashSet<>();

    void add(Subscriber s) {
        if (!s.broadworks && s.customerId != null) {
            wholesaleByCustomer.computeIfAbsent(s.customerId, id -> new LinkedHashMap<>()).put(s.id, s);
        }
        addEmail(s);
        person(s);
        due(s);
    }

    void remove(Subscriber s) {
        if (!s.broadworks && s.customerId != null) {
            Map<String, Subscriber> ofCustomer = wholesaleByCustomer.get(s.customerId);
            if (ofCustomer != null) {
                ofCustomer.remove(s.id);
                if (ofCustomer.isEmpty()) {
                    wholesaleByCustomer.remove(s.customerId);
                }
            }
        }
        removeEmail(s);
        if (s.personId != null) {
            byPerson.remove(s.personId, s);
        }
        unsettled.remove(s);
    }

    void addEmail(Subscriber s) {
        if (s.email != null) {
            byEmail.computeIfAbsent(s.email.toLowerCase(Locale.ROOT), e -> new ArrayList<>(1)).add(s);
        }
    }

    void removeEmail(Subscriber s) {
        String email = s.email == null ? null : s.email.toLowerCase(Locale.ROOT);
        List<Subscriber> holders = email == null ? null : byEmail.get(email);
        if (holders != null) {
            holders.remove(s);
            if (holders.isEmpty()) {
                byEmail.remove(email);
            }
        }
    }

    /** Records the subscriber's person, once it has one. */
    void person(Subscriber s) {
        if (s.personId != null) {
            byPerson.put(s.personId, s);
        }
    }

    /** Records whether the subscriber has a step due. */
    void due(Subscriber s) {
        if (s.due == null) {
            unsettled.remove(s);
        } else {
            unsettled.add(s);
        }
    }

    void addPerson(Person p) {
        if (p.orgId != null) {
            peopleByOrg.computeIfAbsent(p.orgId, id -> new LinkedHashMap<>()).put(p.id, p);
        }
    }

    void removePerson(Person p) {
        Map<String, Person> ofOrg = p.orgId == null ? null : peopleByOrg.get(p.orgId);
        if (ofOrg != null) {
            ofOrg.remove(p.id);
        }
    }

    void addLicense(License l) {
        licensesByOrg.computeIfAbsent(l.orgId, id -> new ArrayList<>()).add(l);
    }

    Collection<Subscriber> wholesaleOf(String customerId) {
        return wholesaleByCustomer.getOrDefault(customerId, Map.of()).values();
    }

    Optional<Subscriber> ofPerson(String personId) {
        return Optional.ofNullable(personId == null ? null : byPerson.get(personId));
    }

    /** Subscribers with this email (any case), the first created first. */
    List<Subscriber> withEmail(String email) {
        return email == null ? List.of() : byEmail.getOrDefault(email.toLowerCase(Locale.ROOT), List.of());
    }

    Collection<Person> peopleOf(String orgId) {
        return peopleByOrg.getOrDefault(orgId, Map.of()).values();
    }

    List<License> licensesOf(String orgId) {
        return licensesByOrg.getOrDefault(orgId, List.of());
    }

    /** A copy: settling a subscriber takes it out. */
    List<Subscriber> unsettled() {
        return new ArrayList<>(unsettled);
    }
}
