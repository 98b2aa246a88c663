package dev.partnerhub.operator.customer;

import static org.mockito.Mockito.when;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.CustomerDirectory;
import dev.partnerhub.operator.provider.Resolver;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.HashSet;
import java.util.Optional;

/**
 * The Customer reconciler wired by hand ({@link Rounds}). The context answers the Customer's connection, its
 * CustomerUsers and the customers' key index from the API.
 */
final class CustomerRounds {

    private final Rounds rounds;
    private final CustomerReconciler reconciler;

    CustomerRounds(Rounds rounds) {
        this.rounds = rounds;
        var config = rounds.config;
        var clock = rounds.clock;
        KubernetesClient client = rounds.client;
        Resolver resolver = rounds.resolver;
        CustomerSync sync = new CustomerSync(new CustomerBinding(new CustomerDirectory(clock), clock),
                new AdminAccessReader(config, clock), new ProvisioningLooks(clock), new Observations(config, clock),
                config, clock);
        CustomerDeletion deletion = new CustomerDeletion(resolver, new DeletionBudget(client, clock, rounds.shard, rounds.meters),
                rounds.namespaces, config, rounds.users, rounds.licences);
        reconciler = new CustomerReconciler(new CustomerGate(resolver, rounds.namespaces, config), sync, new CustomerListings(resolver, rounds.users,
                rounds.licences, config, clock), deletion, rounds.namespaces, rounds.shard, config, rounds.statusRounds);
    }

    Customer apply(Customer customer) {
        return rounds.client.resource(customer).create();
    }

    Rounds.Round<Customer> reconcile(String name) {
        return rounds.reconcile(Customer.class, name, this::context, reconciler::reconcile);
    }

    private Context<Customer> context(Customer customer) {
        KubernetesClient client = rounds.client;
        Context<Customer> context = rounds.context();
        when(context.getSecondaryResource(PartnerConnection.class)).thenReturn(Optional.ofNullable(client
                .resources(PartnerConnection.class).inNamespace(rounds.namespace)
                .withName(CreatedWith.connectionName(customer)).get()));
        when(context.getSecondaryResources(CustomerUser.class)).thenReturn(new HashSet<>(client
                .resources(CustomerUser.class).inNamespace(rounds.namespace).list().getItems().stream()
                .filter(u -> customer.getMetadata().getName().equals(CreatedWith.customerName(u))).toList()));
        IndexedResourceCache<Customer> cache = rounds.primaryCache(Customer.class, CustomerKeys.INDEX,
                CustomerKeys::of);
        when(context.getPrimaryCache()).thenReturn(cache);
        return context;
    }
}
