package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.connection.ConnectionReason;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.status.Blocked;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.Provider;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every "may this customer act now?" of a Customer round, asked before any call to the provider, in one place: its
 * namespace seen, a connection that exists, allows the namespace and is Ready, no other Customer declaring its keys,
 * a spec the provider can take, and the provider up. The answer is a verdict the reconciler states: blocked, the
 * provider down, or go with the provider. The checks that need no call are made during an outage too.
 */
@ApplicationScoped
public class CustomerGate {

    /** The gate's answer. */
    sealed interface Verdict permits Stop, Outage, Go {
    }

    /** Blocked: stated in Ready (and Stalled where a person must act). */
    record Stop(Blocked blocked) implements Verdict {
    }

    /** The connection's provider is down, not the customer: its last observed state stands, and nothing is sent. */
    record Outage(String message) implements Verdict {
    }

    /** May act, through this provider. */
    record Go(Provider provider) implements Verdict {
    }

    private final Resolver resolver;
    private final Namespaces namespaces;
    private final OperatorConfig config;

    public CustomerGate(Resolver resolver, Namespaces namespaces, OperatorConfig config) {
        this.resolver = resolver;
        this.namespaces = namespaces;
        this.config = config;
    }

    /**
     * @param customers the Customers the operator holds, indexed by their keys
     * @param allowed   whether another Customer may use its connection (only such a Customer holds keys)
     */
    Verdict check(Customer customer, Optional<PartnerConnection> connection, IndexedResourceCache<Customer> customers,
            Predicate<Customer> allowed) {
        String namespace = customer.getMetadata().getNamespace();
        if (!namespaces.known(namespace)) {
            return new Stop(new Blocked(CustomerReason.NamespaceNotSeen, "The operator has not seen namespace "
                    + namespace + " yet; it looks again in a moment.", false, config.polling().inProgress()));
        }
        String problem = connectionProblem(customer, connection);
        if (problem != null) {
            // A namespace's labels can change without an event here: look again later.
            return new Stop(Blocked.stalled(connection.isEmpty() ? CommonReason.ConnectionNotFound
                    : CommonReason.ConnectionNotAllowed, problem, config.polling().blocked()));
        }
        // An outage holds the calls, not the checks that need none: a spec the provider cannot take stays Stalled.
        boolean outage = ConnectionReason.outage(Conditions.reason(connection.get().getStatus(), Conditions.READY));
        if (!outage && !Conditions.isTrue(connection.get().getStatus(), Conditions.READY)) {
            return new Stop(new Blocked(CommonReason.ConnectionNotReady, "PartnerConnection "
                    + CreatedWith.connectionKey(customer) + " is not Ready; see its status.", false,
                    config.polling().blocked()));
        }
        Resolved resolved = resolver.resolve(customer);
        if (!resolved.isReady()) {
            return new Stop(new Blocked(CommonReason.ConnectionNotReady, "Cannot act: " + resolved.message() + ".",
                    false, config.polling().blocked()));
        }
        Provider provider = resolved.provider();
        Optional<CustomerKeys.Duplicate> duplicate = CustomerKeys.duplicateOf(customer, customers, allowed);
        if (duplicate.isPresent()) {
            // The other Customer's deletion sends no event here: look again later.
            return new Stop(Blocked.stalled(duplicate.get().reason(), duplicate.get().message(),
                    config.polling().blocked()));
        }
        List<String> unsupported = CustomerDesiredState.unsupported(customer.getSpec(), provider.capabilities());
        if (!unsupported.isEmpty()) {
            return new Stop(Blocked.stalled(CommonReason.UnsupportedByProvider, String.join(" ", unsupported), null));
        }
        List<String> problems = CustomerDesiredState.problems(customer.getSpec(), provider.capabilities());
        if (!problems.isEmpty()) {
            return new Stop(Blocked.stalled(CommonReason.InvalidSpec, String.join(" ", problems), null));
        }
        if (outage) {
            return new Outage("PartnerConnection " + CreatedWith.connectionKey(customer) + ": the provider gives no "
                    + "usable answer; see its status. This customer keeps its last observed state until the provider "
                    + "answers again.");
        }
        return new Go(provider);
    }

    /** Null when the customer may use the connection; otherwise what is wrong, naming the field. */
    private String connectionProblem(Customer customer, Optional<PartnerConnection> connection) {
        if (connection.isEmpty()) {
            return "spec.connectionRef: PartnerConnection " + CreatedWith.connectionKey(customer) + " does not exist.";
        }
        String ownNamespace = customer.getMetadata().getNamespace();
        if (namespaces.mayUse(ownNamespace, connection.get())) {
            return null;
        }
        return "spec.connectionRef: PartnerConnection " + CreatedWith.connectionKey(customer) + " does not allow "
                + "namespace " + ownNamespace + "; add a matching label selector to its spec.allowedNamespaces.";
    }
}
