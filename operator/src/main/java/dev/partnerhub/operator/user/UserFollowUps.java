package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.providers.spi.model.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What follows once a user is bound to its subscriber: its activation state reported; its licences converged; once
 * provisioned, its person's fields and its contact-center sync; what the round changed told; what the provider cannot
 * take named. Returns when to look at the user again.
 */
@ApplicationScoped
public class UserFollowUps {

    private final UserLicensing licensing;
    private final PersonSync people;
    private final ContactCenterSyncs contactCenter;
    private final OperatorConfig config;
    private final Clock clock;

    public UserFollowUps(UserLicensing licensing, PersonSync people, ContactCenterSyncs contactCenter,
            OperatorConfig config, Clock clock) {
        this.licensing = licensing;
        this.people = people;
        this.contactCenter = contactCenter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param applied    the subscriber as bound and brought to the spec this round
     * @param held       whether an action waits for the connection's deletion protection
     * @param subscriber the subscriber to report: the bound one, or a new one after a retried activation
     * @param round      the round's status, the one it arrived with and the conditions it states
     */
    Duration report(CustomerUser user, UserGate.Go go, UserWrites.Applied applied, boolean held,
            RemoteUser subscriber, StatusRound<CustomerUserStatus, CustomerUser> round,
            List<LicenseAssignment> assignments) {
        Resolved target = go.target();
        CustomerUserStatus status = round.status();
        Conditions conditions = round.conditions();
        UserActivation.apply(status, subscriber, conditions, clock.instant());
        if (applied.bound().how() == UserBinding.How.RESTORED) {
            UserActivation.restored(status, conditions);
        }
        Duration next = shorter(pollInterval(status.getActivation().getState()),
                licensing.converge(user, target, status, conditions, assignments));
        if (held) {
            // The approval is made on the connection, which sends no event here.
            next = shorter(next, config.polling().blocked());
        }
        List<UserFields.Difference> mended = new ArrayList<>(UserFields.through(applied.differences(),
                target.capabilities().users().updatable()));
        if (status.getActivation().getState() == ActivationState.Provisioned) {
            mended.addAll(people.reconcile(user, go.customer(), target, status, applied.differences(), conditions));
        }
        UserChanges.since(user, round.previous(), status).report(applied.bound(), mended, conditions,
                clock.instant());
        if (status.getActivation().getState() == ActivationState.Provisioned) {
            next = shorter(next, contactCenter.reconcile(user, target, status, conditions));
            // Its person appears in the org's people list shortly: its licences and person fields follow then.
            next = shorter(next, people.awaitingPerson(go.customer(), target, status, conditions));
        }
        String unsupported = Stream.of(UserFields.unmendable(applied.differences(), target.capabilities().users(),
                target.capabilities().catalogue().personFields()), UserFields.emailRefusal(user.getSpec(), subscriber))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (!unsupported.isEmpty()) {
            conditions.refused(CommonReason.UnsupportedByProvider, unsupported);
        }
        return next;
    }

    /** Lets go of what is kept in memory of a deleted user. */
    void forget(CustomerUser user) {
        licensing.forget(user.getMetadata().getUid());
        contactCenter.forget(user.getMetadata().getUid());
    }

    private static Duration shorter(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private Duration pollInterval(ActivationState state) {
        if (state == ActivationState.Provisioned) {
            return config.polling().resync();
        }
        return state.isPending() || state == ActivationState.Error ? config.polling().pending()
                : config.polling().inProgress();
    }
}
