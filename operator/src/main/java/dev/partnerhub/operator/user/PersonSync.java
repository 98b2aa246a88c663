package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserField;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The people-API side of a provisioned user: the names the subscriber API cannot set, and the Contact Center roles,
 * in one update of the person. Roles follow {@link RolePlan}: only those the operator granted are ever taken away.
 */
@ApplicationScoped
public class PersonSync {

    private static final Logger LOG = Logger.getLogger(PersonSync.class);
    /** A list is read again once it is older than the max-age, not at the instant it is as old. */
    private static final Duration STALE_AFTER = Duration.ofMillis(10);

    private final LicenseDirectory directory;
    private final OperatorConfig config;

    public PersonSync(LicenseDirectory directory, OperatorConfig config) {
        this.directory = directory;
        this.config = config;
    }

    /** The user's person, once the provider has one for it. */
    Optional<RemotePerson> person(Customer customer, Resolved target, String personId) {
        String orgId = target.orgId();
        return personId == null || orgId == null || !target.capabilities().has(Feature.LICENSES) ? Optional.empty()
                : directory.person(target, personId);
    }

    /** The user's person as the spec is compared with it: its default meeting site read too when the spec sets one. */
    Optional<RemotePerson> compared(CustomerUser user, Customer customer, Resolved target, String personId) {
        Optional<RemotePerson> person = person(customer, target, personId);
        return UserFields.declared(user.getSpec(), UserField.PREFERRED_SITE) == null ? person
                : person.map(p -> directory.withPreferredSite(target, p));
    }

    /** Whether the provider keeps people and the org's people list, read now, lacks this subscriber's person. */
    boolean gone(Customer customer, Resolved target, RemoteUser subscriber) {
        return unlisted(customer, target, subscriber.personId());
    }

    /**
     * Whether the provider keeps people and has not listed this provisioned user's person yet. Then the user is not
     * Ready: its licences, display name and roles are set through the person, so a round that cannot see it has not
     * converged, and what the next round sets is the spec arriving, not a change made outside the operator undone.
     *
     * @return null when its person is listed; else when to look again: as soon as the org's people list in hand may
     *         be read again (all the org's users waiting so look together, and one of them reads it for all)
     */
    Duration awaitingPerson(Customer customer, Resolved target, CustomerUserStatus status, Conditions conditions) {
        if (!unlisted(customer, target, status.getPersonId())) {
            return null;
        }
        conditions.ready(false, UserReason.AwaitingPerson, "The hub provisioned the user; its person "
                + status.getPersonId()
                + " is not in the organization's people list yet. Its licences, display name and roles are set "
                + "once it is.");
        Duration stale = directory.peopleFreshFor(target).plus(STALE_AFTER);
        return stale.compareTo(config.polling().inProgress()) < 0 ? stale : config.polling().inProgress();
    }

    /** Whether the provider keeps people and the org's people list (read now if an old one lacks it) lacks this one. */
    private boolean unlisted(Customer customer, Resolved target, String personId) {
        return target.capabilities().has(Feature.LICENSES) && personId != null
                && person(customer, target, personId).isEmpty();
    }

    /**
     * Mends the differences the people API can mend and brings the roles to the spec.
     *
     * @return the differences mended (roles aside)
     */
    List<UserFields.Difference> reconcile(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            List<UserFields.Difference> differences, Conditions conditions) {
        Optional<RemotePerson> person = person(customer, target, status.getPersonId());
        if (person.isEmpty()) {
            return List.of();
        }
        People people = target.provider().people();
        List<UserFields.Difference> names = UserFields.through(differences,
                target.capabilities().catalogue().personFields()).stream()
                .filter(d -> !target.capabilities().users().updatable().contains(d.field())).toList();
        RolePlan roles = roles(user, target, status, person.get(), conditions);
        status.setGrantedRoles(roles.granted());
        PersonChange change = UserFields.personChange(names);
        if (change == null && roles.roleIds() == null) {
            return List.of();
        }
        Set<String> held = new LinkedHashSet<>(person.get().roles());
        Set<String> add = roles.roleIds() == null ? Set.of() : roles.roleIds().stream()
                .filter(id -> !held.contains(id)).collect(Collectors.toSet());
        Set<String> remove = roles.roleIds() == null ? Set.of() : held.stream()
                .filter(id -> !roles.roleIds().contains(id)).collect(Collectors.toSet());
        PersonChange withRoles = (change == null ? PersonChange.names(null, null, null) : change).withRoles(add, remove);
        RemotePerson updated;
        try {
            updated = people.update(target.orgId(), person.get().id(), withRoles);
        } catch (ProviderRejectedException e) {
            // Sent again only after a spec edit or at the resync (UserGate.refusedRecently), never in a loop.
            String message = "The hub refused the change of " + (names.isEmpty() ? "the roles"
                    : names.stream().map(d -> UserFields.path(d.field())).toList()) + " (HTTP " + e.httpStatus()
                    + "): " + StatusSupport.firstDescription(e) + " Fix the field in the spec.";
            status.setErrors(StatusSupport.errors(e));
            conditions.refused(CommonReason.ProviderRejected, message);
            return List.of();
        }
        directory.changed(target.connection(), target.orgId(), updated);
        LOG.infof("CustomerUser %s/%s: person updated%s%s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), names.isEmpty() ? "" : " " + names,
                roles.roleIds() == null ? "" : ", roles now " + roles.granted() + " granted by the operator");
        return names;
    }

    /**
     * The roles' plan against the org's own roles, whose names are matched without case. A role the org does not have
     * changes nothing at all: the user is Stalled, naming it and the org's roles.
     */
    private RolePlan roles(CustomerUser user, Resolved target, CustomerUserStatus status, RemotePerson person,
            Conditions conditions) {
        List<String> wanted = user.getSpec().getRoles() == null ? List.of() : user.getSpec().getRoles();
        List<String> granted = status.getGrantedRoles() == null ? List.of() : status.getGrantedRoles();
        if (wanted.isEmpty() && granted.isEmpty() || !target.capabilities().has(Feature.ROLES)) {
            // Nothing asked, nothing given: the provider's role list is not even read.
            return new RolePlan(null, List.of());
        }
        Catalogue catalogue = target.capabilities().catalogue();
        List<RemoteRole> orgRoles = directory.roles(target);
        Map<String, String> idsByName = orgRoles.stream()
                .collect(Collectors.toMap(RemoteRole::name, RemoteRole::id, (a, b) -> a));
        Set<String> wantedRoles = new LinkedHashSet<>();
        Set<String> unknown = new TreeSet<>();
        wanted.forEach(role -> {
            Catalogue.RoleGrant grant = catalogue.grant(role);
            if (grant != null) {
                grant.roles().forEach(r -> Catalogue.find(r, orgRoles).ifPresentOrElse(found -> wantedRoles.add(
                        found.name()), () -> unknown.add(r)));
            }
        });
        if (!unknown.isEmpty()) {
            String message = "spec.roles: " + String.join(", ", unknown) + (unknown.size() == 1 ? " is not a role"
                    : " are not roles") + " of the customer's organization; its roles are " + new TreeSet<>(
                            idsByName.keySet()) + ". Nothing was changed in the user's roles.";
            conditions.stall(CommonReason.InvalidSpec, message);
            return new RolePlan(null, granted);
        }
        return RolePlan.of(wantedRoles, granted, person.roles(), idsByName);
    }
}
