package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.operator.status.Blocked;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Reason;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.RemoteWorkspace;
import dev.partnerhub.providers.spi.model.UserState;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** The Customer finalizer's provider side: the documented order of a detach and delete. */
@ApplicationScoped
public class CustomerDeletion {

    private static final Logger LOG = Logger.getLogger(CustomerDeletion.class);

    /**
     * Where the finalizer's work got to: what the framework is told, and what the Customer's status says (the reconciler
     * writes it): nothing when the Customer goes, else a step under way or why it is blocked, with the step a person
     * must take, if any, as the Customer's pending action.
     */
    record Outcome(DeleteControl control, Blocked report, String pendingAction) {

        static Outcome gone() {
            return new Outcome(DeleteControl.defaultDelete(), null, null);
        }

        static Outcome step(String message, Duration again) {
            return new Outcome(again(again), new Blocked(CustomerReason.Deleting, message, false, null), null);
        }

        static Outcome blocked(Reason reason, String message, Duration again) {
            return new Outcome(again(again), Blocked.stalled(reason, message, null), null);
        }

        /** Blocked until a person does what the message says, which is also the Customer's pending action. */
        static Outcome awaitingPerson(Reason reason, String message, Duration again) {
            return new Outcome(again(again), Blocked.stalled(reason, message, null), message);
        }

        private static DeleteControl again(Duration after) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(after.toMillis());
        }
    }

    private final Resolver resolver;
    private final DeletionBudget budget;
    private final Namespaces namespaces;
    private final OperatorConfig config;
    private final UserDirectory users;
    private final LicenseDirectory licences;

    public CustomerDeletion(Resolver resolver, DeletionBudget budget, Namespaces namespaces,
            OperatorConfig config, UserDirectory users, LicenseDirectory licences) {
        this.users = users;
        this.licences = licences;
        this.resolver = resolver;
        this.budget = budget;
        this.namespaces = namespaces;
        this.config = config;
    }

    /** Drops what the operator keeps in memory of a Customer whose finalizer is done: its shared snapshots. */
    void forget(Customer customer) {
        Resolved resolved = resolver.resolve(customer);
        if (resolved.isReady() && resolved.scope() != null) {
            users.forget(resolved.connection(), resolved.scope());
        }
        if (resolved.isReady() && resolved.orgId() != null) {
            licences.forget(resolved.connection(), resolved.orgId());
        }
    }

    /**
     * The finalizer's work for deletionPolicy Delete, in the documented order: the users the provider still holds
     * for the customer first (the declared ones are gone by then), then the customer. Only what the Customer owns: a
     * Customer that never recorded a customer (nor a create of its own) deletes nothing, and a customer that exists
     * on its own (a tenant the partner manages) is never deleted, nor are users no CustomerUser made. Every remote
     * deletion asks the connection's deletion budget; a customer or user already gone counts as deleted.
     */
    Outcome deleteRemote(Customer customer) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerStatus status = customer.getStatus();
        if (status == null || status.getCustomerId() == null && status.getCreatePending() == null) {
            LOG.infof("Customer %s deleted; it never created or adopted a customer in the provider", name);
            return Outcome.gone();
        }
        String connectionNamespace = CreatedWith.connectionId(customer).getNamespace().orElseThrow();
        Resolved resolved = resolver.resolve(customer);
        if (!resolved.isReady()) {
            String message = "Cannot remove the customer from the provider: " + resolved.message() + ". "
                    + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                            namespaces.terminating(connectionNamespace));
            LOG.warnf("Customer %s: %s", name, message);
            return Outcome.blocked(resolved.reason(), message, config.polling().blocked());
        }
        Provider provider = resolved.provider();
        CustomerModel.Creation creation = provider.capabilities().customers().creation();
        if (creation == CustomerModel.Creation.EXISTING) {
            LOG.infof("Customer %s deleted; the provider's customer exists on its own and stays", name);
            return Outcome.gone();
        }
        boolean explicit = creation == CustomerModel.Creation.EXPLICIT;
        Optional<RemoteCustomer> remote = own(customer, provider, status);
        if (remote.isPresent() || !explicit) {
            CustomerScope scope = explicit ? new CustomerScope(remote.get().id()) : resolved.scope();
            List<RemoteWorkspace> workspaces = scope == null ? List.of() : provider.workspaces().list(scope);
            if (!workspaces.isEmpty()) {
                return removeWorkspaces(customer, resolved, scope, workspaces);
            }
            var remaining = scope == null ? List.<RemoteUser>of() : provider.users().list(scope, null);
            if (!remaining.isEmpty()) {
                return removeUsers(customer, resolved, remaining);
            }
        }
        if (!explicit || remote.isEmpty()) {
            return manualStepDone(customer, provider.capabilities().customers());
        }
        if (remote.get().state() != RemoteCustomer.State.DELETING) {
            if (!budget.allow(connectionNamespace, CreatedWith.connectionId(customer).getName(),
                    customer.getMetadata().getUid() + "/customer", "Customer " + name + " (customer "
                            + remote.get().key() + ")")) {
                return Outcome.blocked(CommonReason.DeletionHeld, held(resolved.connection(), "Deleting the customer"),
                        config.polling().blocked());
            }
            try {
                provider.customers().delete(remote.get().id());
            } catch (ProviderRejectedException e) {
                String message = "The hub refuses to delete the customer: " + StatusSupport.firstDescription(e)
                        + " Remove what it names, or set spec.deletionPolicy to Orphan to keep the customer.";
                LOG.warnf("Customer %s: %s", name, message);
                return Outcome.blocked(CustomerReason.DeletionRefused, message, config.polling().blocked());
            }
            LOG.infof("Customer %s: deleting %s in the hub", name, remote.get().id());
        }
        return Outcome.step("Deleting the customer in the hub.", config.polling().inProgress());
    }

    /**
     * Gone from the provider as far as its API goes. Where the provider leaves a last step of a detach to a person
     * (Webex for BroadWorks: the BroadWorks Calling configuration in Control Hub), a Customer whose org existed
     * stays, saying what to do, until a person says it is done with the annotation {@value #DETACH_DONE}; unless its
     * namespace is being deleted, which waits for no one (the step then goes to the log).
     */
    private Outcome manualStepDone(Customer customer, CustomerModel model) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        Map<String, String> annotations = customer.getMetadata().getAnnotations();
        boolean done = annotations != null && annotations.containsKey(DETACH_DONE);
        if (model.manualDetachStep() == null || customer.getStatus().getOrgId() == null || done) {
            LOG.infof("Customer %s deleted; it is gone from the hub", name);
            return Outcome.gone();
        }
        if (namespaces.terminating(customer.getMetadata().getNamespace())) {
            // A namespace being deleted waits for no one: the step is said where it can still be read.
            LOG.warnf("Customer %s deleted with its namespace; a person must still do the last step of its detach: "
                    + "%s", name, model.manualDetachStep());
            return Outcome.gone();
        }
        String message = "The operator removed the customer's workspaces and users. " + model.manualDetachStep()
                + " Then annotate this Customer " + DETACH_DONE + "=<any value> to let it go.";
        LOG.warnf("Customer %s: %s", name, message);
        return Outcome.awaitingPerson(CustomerReason.ManualStepRequired, message, config.polling().pending());
    }

    /** A person's word that the manual last step of a detach is done: the Customer may go. */
    public static final String DETACH_DONE = "partnerhub.dev/detach-done";

    /** The customer this Customer owns: the one it recorded, else its own create found under its key. */
    private static Optional<RemoteCustomer> own(Customer customer, Provider provider, CustomerStatus status) {
        String key = CustomerDesiredState.key(customer.getSpec(), provider.capabilities());
        if (provider.capabilities().customers().creation() != CustomerModel.Creation.EXPLICIT) {
            return key == null ? Optional.empty() : provider.customers().find(key);
        }
        if (status.getCustomerId() != null) {
            return provider.customers().get(status.getCustomerId());
        }
        String pendingKey = status.getCreatePending().getKey();
        return provider.customers().find(key).filter(c -> pendingKey.equals(c.key()));
    }

    /** The documented detach order starts with the workspaces: removes them, as far as the budget allows. */
    private Outcome removeWorkspaces(Customer customer, Resolved resolved, CustomerScope scope,
            List<RemoteWorkspace> workspaces) {
        int held = remove(customer, workspaces, w -> "workspace/" + w.id(), w -> "its workspace " + w.userId() + " ("
                + w.displayName() + ")", w -> resolved.provider().workspaces().delete(scope, w.id()));
        return report(customer, resolved, "workspaces", workspaces.size(), held);
    }

    /** Then the users the customer still holds: subscribers first, then pending users, as far as the budget allows. */
    private Outcome removeUsers(Customer customer, Resolved resolved, List<RemoteUser> remaining) {
        var scope = resolved.scope() != null ? resolved.scope()
                : new CustomerScope(customer.getStatus().getCustomerId());
        List<RemoteUser> ordered = remaining.stream()
                .sorted(Comparator.comparing(u -> u.state() != UserState.PROVISIONED)).toList();
        int held = remove(customer, ordered, u -> "subscriber/" + u.id(), u -> "its remaining user " + u.key(),
                u -> resolved.provider().users().delete(scope, u.id()));
        return report(customer, resolved, "users and pending users", remaining.size(), held);
    }

    /** Deletes each object the budget allows; returns how many it held. */
    private <T> int remove(Customer customer, List<T> objects, Function<T, String> key, Function<T, String> label,
            Consumer<T> delete) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        var connection = CreatedWith.connectionId(customer);
        int held = 0;
        for (T object : objects) {
            if (budget.allow(connection.getNamespace().orElseThrow(), connection.getName(),
                    customer.getMetadata().getUid() + "/" + key.apply(object), "Customer " + name + " ("
                            + label.apply(object) + ")")) {
                delete.accept(object);
            } else {
                held++;
            }
        }
        return held;
    }

    private Outcome report(Customer customer, Resolved resolved, String what, int count, int held) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        LOG.infof("Customer %s: removed %d remaining %s from the hub, %d held", name, count - held, what, held);
        if (held > 0) {
            return Outcome.blocked(CommonReason.DeletionHeld, held(resolved.connection(), "Removing " + held
                    + " of the " + count + " " + what + " the hub still holds for this customer"),
                    config.polling().blocked());
        }
        return Outcome.step("Removing the " + count + " " + what + " the hub still holds for this customer (in the "
                + "documented order: workspaces, subscribers, pending users), then the customer.",
                config.polling().inProgress());
    }

    private static String held(String connection, String what) {
        return what + " is held: PartnerConnection " + connection + " allows a limited number of remote deletions an "
                + "hour (spec.deletionProtection.maxDeletesPerHour) and they are spent. Annotate the connection with "
                + DeletionBudget.APPROVE_DELETIONS + "=<new token> to release the held deletions, or set "
                + "spec.deletionPolicy to Orphan to keep the customer.";
    }
}
