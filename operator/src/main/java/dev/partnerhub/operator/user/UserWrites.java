package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.PendingCreate;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.ownership.PendingCreates;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The writes a CustomerUser reconcile makes to its subscriber, each one step the reconciler runs: restore, create (its
 * intent recorded first, which the reconciler writes before the call), bring the fields to the spec, remove a stuck
 * subscriber. Each keeps the user directory up to date with what it wrote.
 */
@ApplicationScoped
public class UserWrites {

    private static final Logger LOG = Logger.getLogger(UserWrites.class);

    private final UserDirectory directory;
    private final LicenseDirectory licenses;
    private final PersonSync people;
    private final Passwords passwords;
    private final Clock clock;

    public UserWrites(UserDirectory directory, LicenseDirectory licenses, PersonSync people, Passwords passwords,
            Clock clock) {
        this.directory = directory;
        this.licenses = licenses;
        this.people = people;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The subscriber, and the declared fields the provider held differently before this round. */
    record Applied(UserBinding.Bound bound, List<UserFields.Difference> differences) {
    }

    /** Restores a deleted user with its licences, and records it as the user's. */
    UserBinding.Bound restore(CustomerUser user, Resolved target, CustomerUserStatus status, RemoteUser deleted) {
        RemoteUser restored = target.provider().users().restore(target.scope(), deleted.id());
        status.setUserId(restored.id());
        status.setCreatePending(null);
        status.setRestoreDeadline(deleted.restorableUntil() == null ? null : deleted.restorableUntil().toString());
        directory.remember(target.connection(), target.scope(), restored);
        LOG.infof("CustomerUser %s/%s: restored deleted user %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), deleted.id());
        return new UserBinding.Bound(restored, UserBinding.How.RESTORED);
    }

    /** A create whose intent is recorded in status: the key, whether it repeats one whose reply never came. */
    record RecordedCreate(UserBinding.NeedsCreate need, boolean repeated, String password) {

        @Override
        public String toString() {
            return "RecordedCreate[" + need + ", repeated=" + repeated + "]";
        }
    }

    /**
     * Records the intent to create in status (with the temporary password stored beforehand, where the provider takes
     * one): the reconciler writes the status before it calls {@link #create}.
     */
    RecordedCreate recordCreate(CustomerUser user, Resolved target, CustomerUserStatus status,
            UserBinding.NeedsCreate need) {
        boolean repeated = UserBinding.ownCreate(status, need.key());
        String password = null;
        if (target.capabilities().has(Feature.PASSWORDS)) {
            password = passwords.forCreate(user, repeated);
            status.setPasswordSecretRef(Passwords.ref(user));
        }
        status.setCreatePending(new PendingCreate(need.key(), repeated ? status.getCreatePending().getSince()
                : clock.instant().toString()));
        return new RecordedCreate(need, repeated, password);
    }

    /**
     * Creates the recorded user. A definite refusal clears the record; a refusal as a conflict of a repeated create
     * does not (the first may have gone through), and the record stands until its user is found or a create is refused
     * outright.
     */
    UserBinding.Bound create(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            RecordedCreate create) {
        UserRequest request = UserDesiredState.request(user.getSpec(), customer, target.capabilities());
        if (create.password() != null) {
            request = request.withPassword(create.password());
        }
        RemoteUser created;
        try {
            created = target.provider().users().create(target.scope(), request);
        } catch (ProviderRejectedException e) {
            if (!PendingCreates.mayBeOurs(e, create.repeated())) {
                status.setCreatePending(null);
                status.setPasswordSecretRef(null);
            }
            throw e;
        }
        status.setUserId(created.id());
        status.setCreatePending(null);
        directory.remember(target.connection(), target.scope(), created);
        LOG.infof("CustomerUser %s/%s: created subscriber %s (%s)", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), created.id(), created.status());
        return new UserBinding.Bound(created, create.need().recreating() ? UserBinding.How.RECREATED
                : UserBinding.How.CREATED);
    }

    /**
     * {@link #create}, and when the provider refuses it, the list read again: a list taken before someone else's create
     * misses it. When the refused create repeats one of ours whose reply never came, or what holds the key is the
     * subscriber the user recorded, it is ours; otherwise someone else's.
     */
    UserBinding.Binding createOrFind(CustomerUser user, Customer customer, Resolved target,
            CustomerUserStatus status, RecordedCreate create) {
        try {
            return create(user, customer, target, status, create);
        } catch (ProviderRejectedException e) {
            String key = create.need().key();
            String lost = create.need().lost();
            Optional<RemoteUser> holder = UserDesiredState.byKey(directory.refresh(target.connection(),
                    target.provider(), target.scope()), key);
            if (holder.isPresent() && holder.get().id().equals(lost)) {
                LOG.infof("CustomerUser %s/%s: subscriber %s was there after all; kept",
                        user.getMetadata().getNamespace(), user.getMetadata().getName(), lost);
                status.setCreatePending(null);
                return new UserBinding.Bound(holder.get(), UserBinding.How.OWNED);
            }
            if (holder.isEmpty()) {
                throw PendingCreates.unconfirmed(e, create.repeated() || lost != null, "user " + key);
            }
            return UserBinding.claim(user, status, create.repeated(), holder.get());
        }
    }

    /**
     * The fields the subscriber API can change brought to the spec, the provider's answer remembered; the differences
     * found are returned either way (the person API mends some of the others).
     */
    Applied bringToSpec(CustomerUser user, Customer customer, Resolved target, UserBinding.Bound bound) {
        RemoteUser subscriber = bound.subscriber();
        List<UserFields.Difference> differences = UserFields.differences(user.getSpec(), target.capabilities().users(),
                subscriber, people.compared(user, customer, target, subscriber.personId()));
        List<UserFields.Difference> mend = UserFields.through(differences,
                target.capabilities().users().updatable());
        if (mend.isEmpty()) {
            return new Applied(bound, differences);
        }
        RemoteUser updated = target.provider().users().update(target.scope(), subscriber,
                UserDesiredState.request(user.getSpec(), customer, target.capabilities()));
        LOG.infof("CustomerUser %s/%s: subscriber updated %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), mend);
        directory.remember(target.connection(), target.scope(), updated);
        if (target.orgId() != null) {
            licenses.peopleChanged(target.connection(), target.orgId());
        }
        return new Applied(new UserBinding.Bound(updated, bound.how()), differences);
    }

    /**
     * The first half of onboarding a stuck user again, as the partner portal's "Retry Activation" does: the stuck
     * subscriber is removed. Only on a person's explicit request (a token); the create that follows is the reconciler's.
     */
    void removeStuck(Resolved target, RemoteUser stuck, CustomerUserStatus status) {
        target.provider().users().delete(target.scope(), stuck.id());
        directory.forget(target.connection(), target.scope(), stuck.id());
        status.setUserId(null);
    }
}
