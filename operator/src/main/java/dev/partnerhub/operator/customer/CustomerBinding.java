package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.PendingCreate;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.operator.ownership.PendingCreates;
import dev.partnerhub.operator.provider.CustomerDirectory;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Binds a Customer to its customer in the provider, never to someone else's: the one whose ID it recorded (forgotten
 * only when neither its ID nor its key finds it: one reply does not decide); else its own create (recorded as pending
 * before the call); else, with {@code spec.adoptExisting}, the one found under its key; else a new one. Where the provider creates a customer with its first user, "pending" means the customer did
 * not exist when the Customer first looked. A customer found under the key that the Customer did not create and may
 * not adopt is reported, not touched. A customer that exists independently of the partner (a tenant) is only
 * looked up: the Customer refers to it and never changes or deletes it.
 */
@ApplicationScoped
public class CustomerBinding {

    private static final Logger LOG = Logger.getLogger(CustomerBinding.class);

    /** How the customer was bound. */
    public enum How { OWNED, CLAIMED, ADOPTED, CREATED, RECREATED, AWAITING_FIRST_USER, NOT_FOUND, REFERENCED }

    /**
     * The customer (empty right after a create: the provider is provisioning it) and how it was bound; or, with
     * {@code foreign}, someone else's customer that holds the key; or, with {@code create}, none: the reconciler records
     * the create, writes the status and then sends it ({@link #recordCreate}, {@link #create}).
     */
    public record Bound(Optional<RemoteCustomer> remote, How how, RemoteCustomer foreign, NeedsCreate create) {

        static Bound to(RemoteCustomer remote, How how) {
            return new Bound(Optional.of(remote), how, null, null);
        }

        static Bound refusedFor(RemoteCustomer foreign) {
            return new Bound(Optional.empty(), null, foreign, null);
        }

        public boolean refused() {
            return foreign != null;
        }
    }

    /**
     * A create to make: what to send, whether it repeats the Customer's own create whose reply never came, and whether
     * it replaces a customer deleted behind the operator's back.
     */
    public record NeedsCreate(CustomerRequest request, boolean repeated, boolean recreating) {
    }

    private final CustomerDirectory customers;
    private final Clock clock;

    public CustomerBinding(CustomerDirectory customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * A customer the partner creates explicitly.
     *
     * @param tolerance how old a list of the partner's customers may be that shows this one (a converged customer's
     *                  resync); null: read it now
     */
    Bound bind(Customer customer, Provider provider, CustomerStatus status, Duration tolerance) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerRequest request = CustomerDesiredState.request(customer.getSpec(), provider.capabilities());
        String key = request.key();
        String recordedId = status.getCustomerId();
        boolean gone = false;
        if (recordedId != null) {
            Optional<Bound> recorded = recorded(customer, provider, status, key, tolerance);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            gone = status.getCustomerId() == null;
        }
        Optional<RemoteCustomer> found = provider.customers().find(key);
        if (gone && found.isPresent() && found.get().id().equals(recordedId)) {
            // A third look found it after all (a list that lagged): it is still ours.
            status.setCustomerId(recordedId);
            return Bound.to(found.get(), How.OWNED);
        }
        boolean ownCreate = ownCreate(status, key);
        if (found.isPresent()) {
            if (!ownCreate && !customer.getSpec().isAdoptExisting()) {
                return Bound.refusedFor(found.get());
            }
            status.setCustomerId(found.get().id());
            status.setCreatePending(null);
            LOG.infof("Customer %s: %s customer %s", name, ownCreate ? "found its own" : "adopted", found.get().id());
            return Bound.to(found.get(), ownCreate ? How.CLAIMED : How.ADOPTED);
        }
        return new Bound(Optional.empty(), null, null, new NeedsCreate(request, ownCreate, gone));
    }

    /** Records the intent to create in status; the reconciler writes the status before it calls {@link #create}. */
    void recordCreate(CustomerStatus status, NeedsCreate create) {
        status.setCreatePending(new PendingCreate(create.request().key(), create.repeated()
                ? status.getCreatePending().getSince() : clock.instant().toString()));
    }

    /**
     * Creates the recorded customer. A repeated create refused as existing keeps its record: the one before may hold
     * the key, found once a list shows it.
     */
    Bound create(Customer customer, Provider provider, CustomerStatus status, NeedsCreate create) {
        String key = create.request().key();
        String id;
        try {
            id = provider.customers().create(create.request());
        } catch (ProviderRejectedException e) {
            if (!PendingCreates.mayBeOurs(e, create.repeated())) {
                status.setCreatePending(null);
            }
            throw PendingCreates.unconfirmed(e, create.repeated(), "customer " + key);
        }
        status.setCustomerId(id);
        status.setCreatePending(null);
        LOG.infof("Customer %s/%s: created in the provider as %s", customer.getMetadata().getNamespace(),
                customer.getMetadata().getName(), id);
        return new Bound(Optional.empty(), create.recreating() ? How.RECREATED : How.CREATED, null, null);
    }

    /**
     * The customer whose ID the Customer recorded, or someone else's that holds its key (the ID kept); empty when
     * neither its ID nor its key finds it, the ID then forgotten, or when the key finds another customer to adopt.
     * One reply does not decide that a customer is gone: the provider is asked again, under its key.
     */
    private Optional<Bound> recorded(Customer customer, Provider provider, CustomerStatus status, String key,
            Duration tolerance) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        String id = status.getCustomerId();
        Optional<RemoteCustomer> own = tolerance == null ? provider.customers().get(id)
                : customers.get(provider, id, tolerance);
        if (own.isPresent()) {
            return Optional.of(Bound.to(own.get(), How.OWNED));
        }
        Optional<RemoteCustomer> underKey = provider.customers().find(key);
        if (underKey.isPresent() && underKey.get().id().equals(id)) {
            LOG.infof("Customer %s: customer %s was not found by its ID, then found under its key; kept", name, id);
            return Optional.of(Bound.to(underKey.get(), How.OWNED));
        }
        if (underKey.isPresent()) {
            return customer.getSpec().isAdoptExisting() ? Optional.empty()
                    : Optional.of(Bound.refusedFor(underKey.get()));
        }
        LOG.infof("Customer %s: customer %s is gone from the provider (neither its ID nor its key finds it); "
                + "creating it again", name, id);
        status.setCustomerId(null);
        status.setOrgId(null);
        return Optional.empty();
    }

    /**
     * A customer the provider creates with its first user: the Customer owns it when it recorded it, or when it was
     * absent when the Customer first looked (its users create it); one that existed before is adopted only with
     * adoptExisting.
     */
    Bound bindWithFirstUser(Customer customer, Provider provider, CustomerStatus status) {
        String key = CustomerDesiredState.key(customer.getSpec(), provider.capabilities());
        Optional<RemoteCustomer> remote = provider.customers().find(key);
        boolean owned = status.getCustomerId() != null || ownCreate(status, key);
        if (remote.isEmpty()) {
            // It goes with its last user and comes with the first: ours when our users make it.
            status.setCustomerId(null);
            status.setOrgId(null);
            status.setProviderStatus(null);
            if (status.getCreatePending() == null) {
                status.setCreatePending(new PendingCreate(key, clock.instant().toString()));
            }
            return new Bound(Optional.empty(), How.AWAITING_FIRST_USER, null, null);
        }
        if (!owned && !customer.getSpec().isAdoptExisting()) {
            return Bound.refusedFor(remote.get());
        }
        status.setCreatePending(null);
        return Bound.to(remote.get(), owned ? How.OWNED : How.ADOPTED);
    }

    /** A customer that exists on its own (a tenant the partner manages): looked up under its key, never created. */
    Bound bindExisting(Customer customer, Provider provider) {
        String key = CustomerDesiredState.key(customer.getSpec(), provider.capabilities());
        return provider.customers().find(key).map(c -> Bound.to(c, How.REFERENCED))
                .orElseGet(() -> new Bound(Optional.empty(), How.NOT_FOUND, null, null));
    }

    private static boolean ownCreate(CustomerStatus status, String key) {
        PendingCreate pending = status.getCreatePending();
        return pending != null && key != null && key.equals(pending.getKey());
    }
}
