package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseFailureReason;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.desired.LicensePlan;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.license.LicenseBasis;
import dev.partnerhub.operator.license.LicenseEntries;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings one provisioned user's licences to what its assignments and package ask for, in one request per user. No seat, no request: an addition is refused as CountViolation from
 * the catalogue's seat count. A refused addition is tried again only when something changed (the spec, the
 * licences the user holds, free seats) or after the resync interval, never in a loop.
 */
@ApplicationScoped
public class UserLicensing {

    private static final Logger LOG = Logger.getLogger(UserLicensing.class);

    /** What the user's status gets: its licences, and a one-line account of this round's refusals. */
    public record Result(List<UserLicense> licenses, String refusals) {
    }

    private record Attempt(long generation, Set<String> held, Instant at) {
    }

    private final LicenseDirectory directory;
    private final DeletionBudget budget;
    private final OperatorConfig config;
    private final Clock clock;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    /** Until when a converged user's status may stand in for its org's licence catalogue (see LicenseBasis). */
    private final Instant statusStandsInUntil;

    public UserLicensing(LicenseDirectory directory, DeletionBudget budget, OperatorConfig config, Clock clock) {
        this.directory = directory;
        this.budget = budget;
        this.config = config;
        this.clock = clock;
        this.statusStandsInUntil = clock.instant().plus(config.directory().catalogue());
    }

    /** Forgets a deleted user's refused additions. */
    public void forget(String userUid) {
        attempts.keySet().removeIf(key -> key.startsWith(userUid + "/"));
    }

    /**
     * The licences of a user whose customer is Ready into its status (and {@code Synced} when some were refused);
     * returns when to look again, null for the next event or resync.
     */
    public Duration converge(CustomerUser user, Resolved target, CustomerUserStatus status, Conditions conditions,
            Collection<LicenseAssignment> assignments) {
        if (!target.capabilities().has(Feature.LICENSES)) {
            return null;
        }
        List<String> paused = assignments.stream().filter(Paused::on).map(a -> a.getMetadata().getName()).sorted()
                .toList();
        if (!paused.isEmpty()) {
            // A paused LicenseAssignment of the customer makes no call through its users either: their licences stay
            // as they are, neither added nor removed on any assignment's account, until the pause is lifted.
            List<String> warnings = new ArrayList<>(status.getWarnings() == null ? List.of() : status.getWarnings());
            warnings.add("status.licenses: held as they are while LicenseAssignment " + String.join(", ", paused)
                    + " of this customer is paused (" + Paused.ANNOTATION + ").");
            status.setWarnings(warnings);
            return null;
        }
        String basis = LicenseBasis.of(user, assignments);
        Result result = reconcile(user, target, status.getPersonId(), assignments, basis);
        status.setLicenses(result.licenses());
        status.setLicensesBasis(basis);
        if (result.refusals() != null) {
            conditions.synced(false, UserReason.LicensesRefused, "The hub refused licences: " + result.refusals()
                    + ". See status.licenses.");
        }
        if (result.licenses().stream().anyMatch(l -> l.getState() == LicenseState.RemovalHeld)) {
            // A removal waits for an approval of deletions on the connection: look again until it comes.
            return config.polling().blocked();
        }
        boolean refused = result.licenses().stream().anyMatch(l -> l.getState() == LicenseState.Error);
        boolean waiting = result.licenses().stream().anyMatch(l -> l.getState() == LicenseState.Pending);
        if (waiting && !refused && status.getActivation().getState() == ActivationState.Provisioned) {
            // A provisioned user's person shows up in the org's people list shortly: no person has to act.
            return config.polling().inProgress();
        }
        return refused || waiting ? config.polling().pending() : null;
    }

    /** @param basis what the user's licences are planned from now ({@link LicenseBasis#of}) */
    Result reconcile(CustomerUser user, Resolved target, String personId,
            Collection<LicenseAssignment> assignments, String basis) {
        String orgId = target.orgId();
        String connection = target.connection();
        Licensing licensing = target.provider().licensing();
        Optional<RemotePerson> person = personId == null || orgId == null ? Optional.empty()
                : directory.person(target, personId);
        if (person.isEmpty()) {
            return new Result(LicenseEntries.pending(user, assignments), null);
        }
        Set<String> held = new LinkedHashSet<>(person.get().licenses());
        LicenseBasis.Catalogue catalogue = catalogue(user, target, held, basis);
        List<RemoteLicense> catalog = catalogue.licenses();
        Set<String> packageIds = catalogue.packageIds();
        LicensePlan plan = LicensePlan.of(user, assignments, held, catalog, packageIds);
        if (target.tolerance() != null && (!plan.add().isEmpty() || !plan.remove().isEmpty())) {
            // Changes are planned from lists read now (the person's licences, the free seats), not from old ones.
            return reconcile(user, target.strict(), personId, assignments, basis);
        }
        Map<String, LicenseRefusal> refused = new LinkedHashMap<>();
        Set<String> removalsHeld = new LinkedHashSet<>();
        List<LicenseChange> changes = changes(user, connection, plan, held, catalog, refused, removalsHeld);
        Set<String> after = held;
        if (!changes.isEmpty()) {
            LicenseUpdate update = licensing.changeLicenses(orgId, personId, changes);
            after = update.licenses() == null ? held : new LinkedHashSet<>(update.licenses());
            directory.changed(connection, orgId, person.get().withLicenses(List.copyOf(after)));
            // Only a refused addition waits for a change before it is sent again; one that applied is forgotten, so
            // that the licence can be given again at once after it was taken away.
            for (String id : plan.add()) {
                if (after.contains(id)) {
                    attempts.remove(user.getMetadata().getUid() + "/" + id);
                }
            }
            if (!update.refused().isEmpty()) {
                refused.putAll(seatsTaken(update.refused(), directory.licenses(connection, target.provider(), orgId)));
            }
            LOG.infof("CustomerUser %s/%s: licences +%s -%s, refused %s", user.getMetadata().getNamespace(),
                    user.getMetadata().getName(), names(plan.add(), catalog), names(plan.remove(), catalog),
                    names(List.copyOf(update.refused().keySet()), catalog));
        }
        Set<String> live = assignments.stream().filter(LicenseSelection::live).map(a -> a.getMetadata().getName())
                .collect(Collectors.toSet());
        List<UserLicense> entries = LicenseEntries.of(user, plan, after, refused, catalog, packageIds, live,
                removalsHeld);
        return new Result(entries, describe(entries));
    }

    /**
     * The org's licence catalogue; for a drift check soon after the operator started, while it holds none, the
     * licences of a converged user's status stand in for it (a plan that changes anything reads it first).
     */
    private LicenseBasis.Catalogue catalogue(CustomerUser user, Resolved target, Set<String> held, String basis) {
        boolean early = target.tolerance() != null && clock.instant().isBefore(statusStandsInUntil);
        Optional<LicenseBasis.Catalogue> fromStatus = early && directory.heldLicenses(target).isEmpty()
                ? LicenseBasis.settled(user, basis, held) : Optional.empty();
        return fromStatus.orElseGet(() -> {
            List<RemoteLicense> catalog = directory.licenses(target);
            String packageName = user.getSpec().getPackageName();
            return new LicenseBasis.Catalogue(catalog, packageName == null ? Set.of()
                    : target.capabilities().catalogue().packageLicenses(packageName, catalog).stream()
                            .map(RemoteLicense::id).collect(Collectors.toSet()));
        });
    }

    private List<LicenseChange> changes(CustomerUser user, String connection, LicensePlan plan, Set<String> held,
            List<RemoteLicense> catalog, Map<String, LicenseRefusal> refused, Set<String> removalsHeld) {
        List<LicenseChange> changes = new ArrayList<>();
        for (String id : plan.add()) {
            RemoteLicense license = catalog.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            if (license.availableUnits() == 0) {
                refused.put(id, noSeat(license));
            } else if (due(user, id, held) || refusedForSeats(user, id)) {
                changes.add(new LicenseChange(id, true, user.getSpec().getPhoneNumber(), user.getSpec().getExtension(),
                        user.getSpec().getLocationId()));
                attempts.put(user.getMetadata().getUid() + "/" + id, new Attempt(user.getMetadata().getGeneration(),
                        Set.copyOf(held), clock.instant()));
            }
        }
        for (String id : plan.remove()) {
            String what = "CustomerUser " + user.getMetadata().getNamespace() + "/" + user.getMetadata().getName()
                    + " (licence " + names(List.of(id), catalog).get(0) + " taken away)";
            if (budget.allow(connection, user.getMetadata().getUid() + "/licence/" + id, what)) {
                changes.add(LicenseChange.remove(id));
            } else {
                removalsHeld.add(id);
            }
        }
        return changes;
    }

    /**
     * A refusal the provider gave no type for, of a licence whose seats are all taken now (another user got the
     * last one between the seat count and the request): a CountViolation, with the provider's own error.
     */
    private static Map<String, LicenseRefusal> seatsTaken(Map<String, LicenseRefusal> refused,
            List<RemoteLicense> catalog) {
        Map<String, LicenseRefusal> typed = new LinkedHashMap<>(refused);
        refused.forEach((id, refusal) -> {
            boolean full = catalog.stream().anyMatch(l -> l.id().equals(id) && l.availableUnits() == 0);
            if (refusal.reason() == LicenseRefusal.Reason.OTHER && full) {
                typed.put(id, new LicenseRefusal(LicenseRefusal.Reason.COUNT_VIOLATION, refusal.error()));
            }
        });
        return typed;
    }

    /** Whether an addition should be sent: never tried, or something changed since it was refused. */
    private boolean due(CustomerUser user, String licenseId, Set<String> held) {
        Attempt last = attempts.get(user.getMetadata().getUid() + "/" + licenseId);
        return last == null || last.generation() != user.getMetadata().getGeneration() || !last.held().equals(held)
                || last.at().plus(config.polling().resync()).isBefore(clock.instant());
    }

    /** A licence refused for want of seats is worth another try as soon as seats are free again. */
    private static boolean refusedForSeats(CustomerUser user, String licenseId) {
        return user.getStatus() != null && user.getStatus().getLicenses().stream()
                .anyMatch(l -> licenseId.equals(l.getLicenseId()) && l.getReason() == LicenseFailureReason.CountViolation);
    }

    private static LicenseRefusal noSeat(RemoteLicense license) {
        return new LicenseRefusal(LicenseRefusal.Reason.COUNT_VIOLATION, new RemoteError(null, "No seat left: "
                + license.consumedUnits() + " of " + license.totalUnits() + " seats of " + license.name()
                + " are taken. Buy more seats or free one.", null));
    }

    private static List<String> names(List<String> ids, List<RemoteLicense> catalog) {
        return ids.stream().map(id -> catalog.stream().filter(l -> l.id().equals(id)).map(RemoteLicense::name)
                .findFirst().orElse(id)).toList();
    }

    /** The licences in Error, for the Synced condition: stable while they stay refused, not only on the round that asked. */
    private static String describe(List<UserLicense> entries) {
        List<String> errors = entries.stream().filter(l -> l.getState() == dev.partnerhub.api.v1alpha1.LicenseState.Error)
                .map(l -> l.getLicense() + ": " + l.getReason() + (l.getError() == null || l.getError().getCode() == null
                        ? "" : " (" + l.getError().getCode() + ")")).toList();
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
