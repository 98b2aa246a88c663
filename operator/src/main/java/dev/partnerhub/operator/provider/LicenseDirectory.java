package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteLicense;
import dev.partnerhub.providers.spi.RemotePerson;
import dev.partnerhub.providers.spi.RemoteRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Observes an org's licences and people in bulk: one licence list and one paged people list per org feed
 * every user and every LicenseAssignment of that org, at most {@code directory.max-age} old. The operator's
 * own licence changes are folded in at once, so a people list that shows a known person changed or gone shows a
 * change made outside the operator: it is told to {@link RemoteChanges}.
 */
@ApplicationScoped
public class LicenseDirectory {

    private record Key(String connection, String orgId) {
    }

    private static final class Snapshot<T> {
        T value;
        Instant fetchedAt;

        /** Whether a value read no more than {@code maxAge} before {@code now} is held (under the monitor). */
        boolean heldWithin(Duration maxAge, Instant now) {
            return fetchedAt != null && !fetchedAt.plus(maxAge).isBefore(now);
        }
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final RemoteChanges changes;
    private final Map<Key, Snapshot<List<RemoteLicense>>> catalogs = new ConcurrentHashMap<>();
    private final Map<Key, Snapshot<Map<String, RemotePerson>>> people = new ConcurrentHashMap<>();
    private final Map<Key, Snapshot<List<RemoteRole>>> roles = new ConcurrentHashMap<>();
    /** Default meeting sites by connection and person, where the provider keeps them apart from the person. */
    private final Map<Key, Snapshot<Optional<String>>> sites = new ConcurrentHashMap<>();

    public LicenseDirectory(OperatorConfig config, Clock clock, RemoteChanges changes) {
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    public List<RemoteLicense> licenses(String connection, Provider provider, String orgId) {
        return licenses(connection, provider, orgId, config.directory().maxAge());
    }

    /**
     * The licences (and seat counts) of the target's org: at most the max-age old, or for a drift check (a target
     * that tolerates old lists) up to {@code directory.catalogue} old.
     */
    public List<RemoteLicense> licenses(Resolved target) {
        return licenses(target.connection(), target.provider(), target.orgId(), catalogueAge(target));
    }

    private Duration catalogueAge(Resolved target) {
        return target.tolerance() == null ? config.directory().maxAge() : config.directory().catalogue();
    }

    /** The target's licence catalogue if one as old as the target tolerates is held; nothing is read. */
    public Optional<List<RemoteLicense>> heldLicenses(Resolved target) {
        Snapshot<List<RemoteLicense>> snapshot = catalogs.get(new Key(target.connection(), target.orgId()));
        if (snapshot == null) {
            return Optional.empty();
        }
        synchronized (snapshot) {
            return snapshot.heldWithin(catalogueAge(target), clock.instant()) ? Optional.of(snapshot.value)
                    : Optional.empty();
        }
    }

    private List<RemoteLicense> licenses(String connection, Provider provider, String orgId, Duration maxAge) {
        return fresh(catalogs.computeIfAbsent(new Key(connection, orgId), k -> new Snapshot<>()),
                () -> provider.licensing().licenses(orgId), maxAge);
    }

    public Optional<RemotePerson> person(String connection, Provider provider, String orgId,
            String personId) {
        return person(connection, provider, orgId, personId, config.directory().maxAge());
    }

    /** A person of the target's org, from a people list as old as the target tolerates. */
    public Optional<RemotePerson> person(Resolved target, String personId) {
        Optional<RemotePerson> person = person(target.connection(), target.provider(), target.orgId(), personId,
                maxAge(target));
        // A person missing from an old list may have come since: only a list read now says it is not there.
        return person.isPresent() || target.tolerance() == null ? person
                : person(target.connection(), target.provider(), target.orgId(), personId, config.directory().maxAge());
    }

    private Optional<RemotePerson> person(String connection, Provider provider, String orgId, String personId,
            Duration maxAge) {
        return Optional.ofNullable(people(connection, provider, orgId, maxAge).get(personId));
    }

    /**
     * The org's people by ID, from a list at most {@code maxAge} old. A list read now that shows people of the list
     * before changed or gone tells their IDs.
     */
    public Map<String, RemotePerson> people(String connection, Provider provider, String orgId, Duration maxAge) {
        Snapshot<Map<String, RemotePerson>> snapshot = people.computeIfAbsent(new Key(connection, orgId),
                k -> new Snapshot<>());
        Map<String, RemotePerson> before;
        Map<String, RemotePerson> now;
        synchronized (snapshot) {
            before = snapshot.value;
            now = fresh(snapshot, () -> index(provider.licensing().people(orgId)), maxAge);
        }
        if (before != null && now != before) {
            changes.tell(before.entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey())))
                    .map(Map.Entry::getKey).collect(Collectors.toSet()));
        }
        return now;
    }

    /**
     * How long the org's people list last read for this target stays fresh enough to be used without reading it
     * again: zero when there is none or it is stale already. A user waiting for its person to be listed looks again
     * then, when its look reads the list, not earlier (the same list again) nor later.
     */
    public Duration peopleFreshFor(Resolved target) {
        Snapshot<Map<String, RemotePerson>> snapshot = people.get(new Key(target.connection(), target.orgId()));
        if (snapshot == null) {
            return Duration.ZERO;
        }
        Instant fetchedAt;
        synchronized (snapshot) {
            fetchedAt = snapshot.fetchedAt;
        }
        if (fetchedAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), fetchedAt.plus(maxAge(target)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration maxAge(Resolved target) {
        return target.tolerance() == null ? config.directory().maxAge() : target.tolerance();
    }

    /** The roles of an org; they hardly ever change, so they are fetched again only at the resync interval. */
    public List<RemoteRole> roles(Resolved target) {
        Snapshot<List<RemoteRole>> snapshot = roles.computeIfAbsent(new Key(target.connection(), target.orgId()),
                k -> new Snapshot<>());
        synchronized (snapshot) {
            if (snapshot.fetchedAt == null || snapshot.fetchedAt.plus(config.polling().resync()).isBefore(clock.instant())) {
                snapshot.value = target.provider().people().roles(target.orgId());
                snapshot.fetchedAt = clock.instant();
            }
            return snapshot.value;
        }
    }

    /**
     * The person with its default meeting site, read apart from the person (one call a person) at most as old as the
     * target tolerates: only for a user that declares one.
     */
    public RemotePerson withPreferredSite(Resolved target, RemotePerson person) {
        Optional<String> site = fresh(sites.computeIfAbsent(new Key(target.connection(), person.id()),
                k -> new Snapshot<>()), () -> target.provider().people().preferredSite(target.orgId(), person),
                maxAge(target));
        return person.withPreferredSite(site.orElse(null));
    }

    /** Folds in what a licence change left the person with; seat counts are fetched again next time. */
    public void changed(String connection, String orgId, RemotePerson person) {
        if (person.details() != null && person.details().preferredSite() != null) {
            Snapshot<Optional<String>> site = sites.computeIfAbsent(new Key(connection, person.id()),
                    k -> new Snapshot<>());
            synchronized (site) {
                site.value = Optional.of(person.details().preferredSite());
                site.fetchedAt = clock.instant();
            }
        }
        Snapshot<Map<String, RemotePerson>> snapshot = people.get(new Key(connection, orgId));
        if (snapshot != null) {
            synchronized (snapshot) {
                if (snapshot.value != null) {
                    Map<String, RemotePerson> copy = new LinkedHashMap<>(snapshot.value);
                    copy.put(person.id(), person);
                    snapshot.value = copy;
                }
            }
        }
        Snapshot<List<RemoteLicense>> catalog = catalogs.get(new Key(connection, orgId));
        if (catalog != null) {
            synchronized (catalog) {
                catalog.fetchedAt = null;
            }
        }
    }

    /** Drops what is kept of a deleted connection: its orgs' snapshots and its roles. */
    public void forget(String connection) {
        catalogs.keySet().removeIf(key -> key.connection().equals(connection));
        people.keySet().removeIf(key -> key.connection().equals(connection));
        roles.keySet().removeIf(key -> key.connection().equals(connection));
        sites.keySet().removeIf(key -> key.connection().equals(connection));
    }

    /** Drops the snapshots of an org whose Customer is gone. */
    public void forget(String connection, String orgId) {
        catalogs.remove(new Key(connection, orgId));
        people.remove(new Key(connection, orgId));
        roles.remove(new Key(connection, orgId));
    }

    /** The org's people are read again next time: a subscriber update changed fields the people list shows. */
    public void peopleChanged(String connection, String orgId) {
        Snapshot<Map<String, RemotePerson>> snapshot = people.get(new Key(connection, orgId));
        if (snapshot != null) {
            synchronized (snapshot) {
                snapshot.fetchedAt = null;
            }
        }
    }

    private <T> T fresh(Snapshot<T> snapshot, Supplier<T> fetch, Duration maxAge) {
        synchronized (snapshot) {
            Instant now = clock.instant();
            if (!snapshot.heldWithin(maxAge, now)) {
                snapshot.value = fetch.get();
                snapshot.fetchedAt = now;
            }
            return snapshot.value;
        }
    }

    private static Map<String, RemotePerson> index(List<RemotePerson> list) {
        Map<String, RemotePerson> byId = new LinkedHashMap<>();
        list.forEach(p -> byId.put(p.id(), p));
        return byId;
    }
}
