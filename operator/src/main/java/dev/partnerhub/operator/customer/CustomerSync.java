package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PackageStatus;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.desired.CustomerFields;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import io.fabric8.kubernetes.api.model.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The provider side of the Customer reconciler: observe, create (the reconciler records and writes the create's intent
 * first), update. A converged customer is observed again only after the resync interval or a spec change
 * ({@link Observations}), so that events about its users cost no provider call.
 */
@ApplicationScoped
public class CustomerSync {

    private static final Logger LOG = Logger.getLogger(CustomerSync.class);

    private final CustomerBinding binding;
    private final AdminAccessReader access;
    private final ProvisioningLooks looks;
    private final Observations observations;
    private final OperatorConfig config;
    private final Clock clock;

    public CustomerSync(CustomerBinding binding, AdminAccessReader access, ProvisioningLooks looks,
            Observations observations, OperatorConfig config, Clock clock) {
        this.binding = binding;
        this.access = access;
        this.looks = looks;
        this.observations = observations;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Where converging a customer the partner creates got to: when to look again (null: at the next event), or the
     * create the reconciler records, writes and then sends through {@link #create}.
     */
    record Step(Duration next, CustomerBinding.NeedsCreate create) {

        static Step next(Duration next) {
            return new Step(next, null);
        }
    }

    /** A customer the partner creates, and the provider provisions asynchronously: observed, and brought to spec. */
    Step converge(Customer customer, Provider provider, CustomerStatus status, Conditions conditions) {
        if (observations.converged(customer)) {
            return Step.next(observations.untilResync(customer));
        }
        Duration waiting = looks.untilDue(customer);
        if (waiting != null) {
            return Step.next(waiting);
        }
        looks.done(customer.getMetadata().getUid());
        // A customer that was Ready for this spec is only looked at for drift: the partner's list will do.
        boolean resync = status.getCustomerId() != null && Observations.readyForItsSpec(customer, status);
        CustomerBinding.Bound bound = binding.bind(customer, provider, status,
                resync ? config.directory().fullRefresh() : null);
        return bound.create() != null ? new Step(null, bound.create())
                : Step.next(follow(customer, provider, status, conditions, bound));
    }

    /** Records the intent to create in status, which the reconciler writes before it calls {@link #create}. */
    void recordCreate(CustomerStatus status, CustomerBinding.NeedsCreate create) {
        binding.recordCreate(status, create);
    }

    /** Sends the recorded create; an attach may be refused (an administrator must approve, the org is taken). */
    Step create(Customer customer, Provider provider, CustomerStatus status, Conditions conditions,
            CustomerBinding.NeedsCreate create) {
        CustomerBinding.Bound bound;
        try {
            bound = binding.create(customer, provider, status, create);
        } catch (AttachRefusedException e) {
            CustomerRefusals.attachRefused(e, status, conditions);
            return Step.next(config.polling().pending());
        }
        return Step.next(follow(customer, provider, status, conditions, bound));
    }

    /** The bound customer's state reported, and its packages brought to spec once it is provisioned. */
    private Duration follow(Customer customer, Provider provider, CustomerStatus status, Conditions conditions,
            CustomerBinding.Bound bound) {
        if (bound.refused()) {
            CustomerRefusals.alreadyExists(provider, bound.foreign(), conditions);
            return config.polling().pending();
        }
        if (bound.remote().isEmpty()) {
            status.setOrgId(null);
            // The provider's own status is unknown until the customer is read back.
            status.setProviderStatus(null);
            boolean recreated = bound.how() == CustomerBinding.How.RECREATED;
            conditions.ready(false, CustomerReason.Provisioning,
                    "The hub accepted the customer and is provisioning it.").synced(true, recreated
                    ? CommonReason.Recreated : CustomerReason.Created, recreated ? "The customer had been deleted in "
                    + "the provider behind the operator's back; it was created again." : "The hub accepted "
                    + "the customer.").notStalled();
            return looks.lookAfter(customer, config.polling().inProgress());
        }
        RemoteCustomer c = bound.remote().get();
        record(status, c);
        return switch (c.state()) {
            case READY, READY_WITH_ERRORS -> convergePackages(customer, provider, c, status, conditions);
            case FAILED -> {
                String message = "The hub failed to provision the customer; see status.errors and fix the spec.";
                conditions.ready(false, CustomerReason.ProvisioningFailed, message).synced(true, CommonReason.Observed,
                        "Observed the hub.").stalled(CustomerReason.ProvisioningFailed, message);
                yield config.polling().resync();
            }
            case DELETING -> {
                conditions.ready(false, CustomerReason.DeletingInHub,
                        "The hub is deleting this customer; it is created again once the deletion completes.")
                        .synced(true, CommonReason.Observed, "Observed the hub.").notStalled();
                yield looks.lookAfter(customer, backoff(status));
            }
            default -> {
                conditions.ready(false, c.state() == RemoteCustomer.State.UPDATING ? CustomerReason.Updating
                        : CustomerReason.Provisioning, "The hub is " + c.status() + " the customer.").synced(true,
                        CommonReason.Observed, "Observed the hub.").notStalled();
                yield looks.lookAfter(customer, backoff(status));
            }
        };
    }

    private Duration convergePackages(Customer customer, Provider provider, RemoteCustomer c,
            CustomerStatus status, Conditions conditions) {
        if (CustomerDesiredState.packagesDiffer(customer.getSpec(), c)) {
            List<String> packages = customer.getSpec().getPackages();
            if (AcceptedChanges.due(status, packages, clock.instant())) {
                provider.customers().update(c, CustomerDesiredState.request(customer.getSpec(),
                        provider.capabilities()));
                LOG.infof("Customer %s/%s: packages %s -> %s", customer.getMetadata().getNamespace(),
                        customer.getMetadata().getName(), c.packages(), packages);
                AcceptedChanges.sent(status, packages, clock.instant(), config.polling().reapply(),
                        config.polling().reapplyMax());
            }
            conditions.ready(false, CustomerReason.Updating, AcceptedChanges.message(status, c.packages()))
                    .synced(true, CommonReason.Updated, "The hub accepted the package list.").notStalled();
            return looks.lookAfter(customer, backoff(status));
        }
        status.setPackageChange(null);
        status.setPendingAction(null);
        access.record(status, customer.getMetadata().getUid(), provider, c.orgId());
        boolean withErrors = c.state() == RemoteCustomer.State.READY_WITH_ERRORS;
        conditions.ready(true, withErrors ? CustomerReason.ProvisionedWithErrors : CustomerReason.Provisioned,
                withErrors ? "The customer is provisioned, with errors on some packages; see status.packages."
                : "The customer is provisioned with the declared packages.").synced(true, CommonReason.Observed,
                "The hub holds the declared state.").notStalled();
        observations.observed(customer);
        return config.polling().resync();
    }

    /**
     * A customer the provider creates with its first user: its org appears with that user, or, when that user's
     * email belongs to an existing org, that org is attached (seed 003), once its administrator approved the partner
     * where it must: the user's refusal then says so, and the Customer too.
     */
    Duration convergeWithFirstUser(Customer customer, Provider provider, CustomerStatus status,
            Conditions conditions, Collection<CustomerUser> users) {
        if (observations.converged(customer) && status.getOrgId() != null) {
            return observations.untilResync(customer);
        }
        CustomerBinding.Bound bound = binding.bindWithFirstUser(customer, provider, status);
        if (bound.refused()) {
            CustomerRefusals.alreadyExists(provider, bound.foreign(), conditions);
            return config.polling().pending();
        }
        bound.remote().ifPresent(e -> record(status, e));
        conditions.synced(true, CommonReason.Observed, "Observed the hub.").notStalled();
        if (status.getOrgId() == null) {
            Optional<String> approval = users.stream().map(u -> Conditions.find(u.getStatus() == null ? null
                    : u.getStatus().getConditions(), Conditions.STALLED)).flatMap(Optional::stream)
                    .filter(c -> "True".equals(c.getStatus())
                            && CommonReason.AdminApprovalRequired.is(c.getReason()))
                    .map(Condition::getMessage).findFirst();
            status.setPendingAction(approval.orElse(null));
            if (approval.isPresent()) {
                conditions.stall(CommonReason.AdminApprovalRequired, approval.get());
                return config.polling().pending();
            }
            conditions.ready(true, CustomerReason.AwaitingFirstSubscriber,
                    "Users can be added: the provider creates the customer's org "
                    + "when its first user is provisioned, or attaches the existing org its email belongs to.");
            return config.polling().inProgressMax();
        }
        status.setPendingAction(null);
        access.record(status, customer.getMetadata().getUid(), provider, status.getOrgId());
        conditions.ready(true, CustomerReason.Provisioned, "The customer's org exists in the provider.");
        observations.observed(customer);
        return config.polling().resync();
    }

    /** A customer that exists on its own (a tenant): the Customer refers to it, and says so when it cannot find it. */
    Duration convergeExisting(Customer customer, Provider provider, CustomerStatus status, Conditions conditions) {
        if (observations.converged(customer)) {
            return observations.untilResync(customer);
        }
        CustomerBinding.Bound bound = binding.bindExisting(customer, provider);
        String field = CustomerFields.path(provider.capabilities().customers().key());
        if (bound.remote().isEmpty()) {
            String message = field + ": the provider has no customer " + CustomerDesiredState.key(customer.getSpec(),
                    provider.capabilities()) + " that this partner manages; check the ID, or the partner's "
                    + "relationship with the customer.";
            status.setCustomerId(null);
            status.setOrgId(null);
            conditions.ready(false, CommonReason.CustomerNotFound, message).synced(true, CommonReason.Observed,
                    "Observed the provider.").stalled(CommonReason.CustomerNotFound, message);
            return config.polling().pending();
        }
        record(status, bound.remote().get());
        access.record(status, customer.getMetadata().getUid(), provider, bound.remote().get().orgId());
        conditions.ready(true, CustomerReason.Provisioned,
                "The customer exists in the provider; the operator manages its users.").synced(true,
                CommonReason.Observed, "Observed the provider.").notStalled();
        observations.observed(customer);
        return config.polling().resync();
    }

    /**
     * Forgets the last observation of a customer whose provider is down: once it answers again, the customer is
     * looked at (and says Synced) at once, not at its next resync.
     */
    void unobserved(String uid) {
        observations.forget(uid);
    }

    /** Forgets a deleted customer's last observation. */
    void forget(String uid) {
        observations.forget(uid);
        access.forget(uid);
        looks.done(uid);
    }

    private void record(CustomerStatus status, RemoteCustomer c) {
        // Webex leaves the org's ID out of a customer that is not "provisioned" (while a package change is applied,
        // for one); the org is still there, and the users, licences and hubctl adopt go on needing its ID.
        boolean sameCustomer = c.id().equals(status.getCustomerId());
        status.setCustomerId(c.id());
        if (c.orgId() != null || !sameCustomer) {
            status.setOrgId(c.orgId());
        }
        status.setProviderStatus(c.status());
        status.setPackages(c.packageDetails().stream().map(p -> {
            PackageStatus ps = new PackageStatus();
            ps.setName(p.name());
            ps.setStatus(p.status());
            ps.setWarnings(StatusSupport.errors(p.warnings()));
            ps.setErrors(StatusSupport.errors(p.errors()));
            return ps;
        }).toList());
        status.setErrors(StatusSupport.errors(c.errors()));
    }

    /** Polls faster at first, slower the longer the hub takes: about a quarter of the time already waited. */
    private Duration backoff(CustomerStatus status) {
        Instant since = Conditions.find(status.getConditions(), Conditions.READY)
                .map(c -> Instant.parse(c.getLastTransitionTime())).orElse(clock.instant());
        Duration waited = Duration.between(since, clock.instant());
        Duration next = waited.dividedBy(4);
        Duration min = config.polling().inProgress();
        Duration max = config.polling().inProgressMax();
        return next.compareTo(min) < 0 ? min : next.compareTo(max) > 0 ? max : next;
    }
}
