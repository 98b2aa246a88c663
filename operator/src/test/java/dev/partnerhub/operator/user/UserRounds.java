package dev.partnerhub.operator.user;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.customer.CustomerReason;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.license.PackageReassignment;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletedUsers;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The CustomerUser reconciler wired by hand ({@link Rounds}), with Customer acme Ready on the fake provider. The
 * context answers the user's Customer, the users' key index and the LicenseAssignments from the API.
 */
final class UserRounds {

    final Rounds rounds;
    final String customerId;
    private final CustomerUserReconciler reconciler;

    UserRounds(Rounds rounds) {
        this.rounds = rounds;
        this.reconciler = wired(rounds);
        customerId = rounds.fake.create(new CustomerRequest(rounds.namespace + "-acme", null, "Customer acme", null,
                null, List.of(), null, null));
        Customer acme = rounds.client.resource(Fixtures.plainCustomer(rounds.namespace, "acme", "fake")).create();
        acme.setStatus(new CustomerStatus());
        acme.getStatus().setCustomerId(customerId);
        Conditions.builder().ready(true, CustomerReason.Provisioned, "Ready.").applyTo(acme.getStatus(),
                acme.getMetadata().getGeneration(), rounds.clock);
        rounds.client.resource(acme).updateStatus();
    }

    private static CustomerUserReconciler wired(Rounds rounds) {
        KubernetesClient client = rounds.client;
        OperatorConfig config = rounds.config;
        Clock clock = rounds.clock;
        UserDirectory users = rounds.users;
        LicenseDirectory licences = rounds.licences;
        Shard shard = rounds.shard;
        Namespaces namespaces = rounds.namespaces;
        Resolver resolver = rounds.resolver;
        PersonSync people = new PersonSync(licences, config);
        Passwords passwords = new Passwords(client);
        DeletionBudget budget = new DeletionBudget(client, clock, shard, rounds.meters);
        UserGate gate = new UserGate(resolver, shard, config, clock);
        UserWrites writes = new UserWrites(users, licences, people, passwords, clock);
        return new CustomerUserReconciler(gate, new UserBinding(users, people), writes,
                new ActivationActions(writes, passwords, new PackageReassignment(licences), budget),
                new UserFollowUps(new UserLicensing(licences, budget, config, clock), people,
                        new ContactCenterSyncs(licences, config, clock), config, clock),
                new UserDeletion(gate, resolver, users, budget, namespaces, new DeletedUsers(client, clock), clock),
                rounds.changes, namespaces, shard, config, rounds.statusRounds,
                new dev.partnerhub.operator.metrics.ResourceGauges(rounds.meters, config));
    }

    CustomerUser apply(CustomerUser user) {
        return rounds.client.resource(user).create();
    }

    CustomerUser user(String name) {
        return rounds.client.resources(CustomerUser.class).inNamespace(rounds.namespace).withName(name).get();
    }

    Rounds.Round<CustomerUser> reconcile(String name) {
        return rounds.reconcile(CustomerUser.class, name, this::context, reconciler::reconcile);
    }

    /** The framework's error round after a reconcile of the user threw {@code failure}. */
    void failed(String name, Exception failure) {
        CustomerUser user = user(name);
        reconciler.updateErrorStatus(user, context(user), failure);
    }

    /** The finalizer's round of a user as it is in the API now (marked for deletion or not). */
    DeleteControl cleanup(String name) {
        CustomerUser user = user(name);
        return reconciler.cleanup(user, context(user));
    }

    @SuppressWarnings("unchecked")
    private Context<CustomerUser> context(CustomerUser user) {
        KubernetesClient client = rounds.client;
        Context<CustomerUser> context = rounds.context();
        when(context.getSecondaryResource(Customer.class)).thenReturn(Optional.ofNullable(client
                .resources(Customer.class).inNamespace(rounds.namespace).withName(CreatedWith.customerName(user))
                .get()));
        IndexedResourceCache<CustomerUser> cache = rounds.primaryCache(CustomerUser.class, UserKeys.INDEX,
                UserKeys::of);
        when(context.getPrimaryCache()).thenReturn(cache);
        InformerEventSource<LicenseAssignment, CustomerUser> assignments = mock(InformerEventSource.class);
        when(assignments.list(anyString())).thenAnswer(call -> client.resources(LicenseAssignment.class)
                .inNamespace(call.getArgument(0)).list().getItems().stream());
        when(context.eventSourceRetriever().getEventSourceFor(LicenseAssignment.class)).thenReturn(assignments);
        return context;
    }
}
