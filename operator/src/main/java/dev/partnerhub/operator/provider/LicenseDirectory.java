package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
        return snapshot == null ? Optional.empty() : snapshot.heldWithin(catalogueAge(target), clock.instant());
    }

    private List<RemoteLicense> licenses(String connection, Provider provider, String orgId, Duration maxAge) {
        return catalogs.computeIfAbsent(new Key(connection, orgId), k -> new Snapshot<>()).readWaiting(clock,
                Snapshot.within(maxAge), (held, readAt, now) -> List.copyOf(provider.licensing().licenses(orgId)));
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
        Set<String> changed = new HashSet<>();
        Map<String, RemotePerson> listed = people.computeIfAbsent(new Key(connection, orgId), k -> new Snapshot<>())
                .readWaiting(clock, Snapshot.within(maxAge), (held, readAt, now) -> {
                    Map<String, RemotePerson> read = index(provider.licensing().people(orgId));
                    if (held != null) {
                        held.forEach((id, person) -> {
                            if (!person.equals(read.get(id))) {
                                changed.add(id);
                            }
                        });
                    }
                    return read;
                });
        changes.tell(changed);
        return listed;
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
        Optional<Instant> readAt = snapshot.readAt();
        if (readAt.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), readAt.get().plus(maxAge(target)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration maxAge(Resolved target) {
        return target.tolerance() == null ? config.directory().maxAge() : target.tolerance();
    }

    /** The roles of an org; they hardly ever change, so they are fetched again only at the resync interval. */
    public List<RemoteRole> roles(Resolved target) {
        return roles.computeIfAbsent(new Key(target.connection(), target.orgId()), k -> new Snapshot<>())
                .readWaiting(clock, Snapshot.within(config.polling().resync()),
                        (held, readAt, now) -> List.copyOf(target.provider().people().roles(target.orgId())));
    }

    /**
     * The person with its default meeting site, read apart from the person (one call a person) at most as old as the
     * target tolerates: only for a user that declares one.
     */
    public RemotePerson withPreferredSite(Resolved target, RemotePerson person) {
        Optional<String> site = sites.computeIfAbsent(new Key(target.connection(), person.id()),
                k -> new Snapshot<>()).readWaiting(clock, Snapshot.within(maxAge(target)),
                (held, readAt, now) -> target.provider().people().preferredSite(target.orgId(), person));
        return person.withPreferredSite(site.orElse(null));
    }

    /** Folds in what a licence change left the person with; seat counts are fetched again next time. */
    public void changed(String connection, String orgId, RemotePerson person) {
        if (person.details() != null && person.details().preferredSite() != null) {
            sites.computeIfAbsent(new Key(connection, person.id()), k -> new Snapshot<>())
                    .put(Optional.of(person.details().preferredSite()), clock.instant());
        }
        Snapshot<Map<String, RemotePerson>> snapshot = people.get(new Key(connection, orgId));
        if (snapshot != null) {
            snapshot.change(held -> {
                Map<String, RemotePerson> copy = new LinkedHashMap<>(held);
                copy.put(person.id(), person);
                return Collections.unmodifiableMap(copy);
            });
        }
        Snapshot<List<RemoteLicense>> catalog = catalogs.get(new Key(connection, orgId));
        if (catalog != null) {
            catalog.expire();
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
            snapshot.expire();
        }
    }


    private static Map<String, RemotePerson> index(List<RemotePerson> list) {
        Map<String, RemotePerson> byId = new LinkedHashMap<>();
        list.forEach(p -> byId.put(p.id(), p));
        return Collections.unmodifiableMap(byId);
    }
}
