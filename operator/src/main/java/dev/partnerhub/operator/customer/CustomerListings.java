package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletedUser;
import dev.partnerhub.api.v1alpha1.UndeclaredUsers;
import dev.partnerhub.api.v1alpha1.UndeclaredWorkspace;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.DeletedUsers;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a Customer's status lists beside the customer itself: the provider's users and workspaces no object declares,
 * and the users this namespace deleted that are still restorable. Shown, never acted on, so read from lists up to
 * {@code directory.full-refresh} old.
 */
@ApplicationScoped
public class CustomerListings {

    private final Resolver resolver;
    private final UserDirectory directory;
    private final LicenseDirectory licenses;
    private final OperatorConfig config;
    private final Clock clock;
    private final Map<String, Instant> workspacesRead = new ConcurrentHashMap<>();

    public CustomerListings(Resolver resolver, UserDirectory directory, LicenseDirectory licenses,
            OperatorConfig config, Clock clock) {
        this.resolver = resolver;
        this.directory = directory;
        this.licenses = licenses;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The subscribers the hub holds for this customer that no CustomerUser declares (self-activated, orphaned,
     * made elsewhere), from the customer's shared subscriber snapshot; the previous list when the hub cannot
     * be asked now. Reading the snapshots (subscribers, and the org's people where the provider keeps them) is also
     * what notices users changed outside the operator, and wakes them.
     */
    UndeclaredUsers undeclared(Customer customer, CustomerStatus status, Collection<CustomerUser> users) {
        Resolved resolved = resolver.resolve(customer);
        if (!resolved.isReady() || resolved.scope() == null) {
            return status.getUndeclared();
        }
        if (resolved.orgId() != null && resolved.capabilities().has(Feature.LICENSES)) {
            try {
                licenses.people(resolved.connection(), resolved.provider(), resolved.orgId(),
                        config.directory().fullRefresh());
            } catch (ProviderException e) {
                // Only a drift check: the users' own reads report what fails.
            }
        }
        UndeclaredUsers undeclared;
        try {
            undeclared = Undeclared.of(directory.users(resolved.tolerating(config.directory().fullRefresh())), users);
        } catch (ProviderException e) {
            return status.getUndeclared();
        }
        List<UndeclaredWorkspace> before = status.getUndeclared() == null ? List.of()
                : status.getUndeclared().getWorkspaces();
        String uid = customer.getMetadata().getUid();
        Instant read = workspacesRead.get(uid);
        Instant now = clock.instant();
        if (read != null && read.plus(config.directory().fullRefresh()).isAfter(now)) {
            undeclared.setWorkspaces(before);
            return undeclared;
        }
        try {
            undeclared.setWorkspaces(Undeclared.workspaces(resolved.provider().workspaces().list(resolved.scope())));
            workspacesRead.put(uid, now);
        } catch (ProviderException e) {
            // The workspace list is the local hub's own endpoint: an account without it still shows its users.
            undeclared.setWorkspaces(before);
        }
        return undeclared;
    }

    /**
     * The users this namespace deleted that the provider still keeps restorable; the others (restored, or past their
     * window) are forgotten. One list of deleted users, only while there are any.
     */
    List<DeletedUser> deletedUsers(Customer customer, CustomerStatus status) {
        if (status.getDeletedUsers().isEmpty()) {
            return status.getDeletedUsers();
        }
        Resolved resolved = resolver.resolve(customer);
        if (!resolved.isReady() || resolved.scope() == null || !resolved.capabilities().has(Feature.RESTORE)) {
            return status.getDeletedUsers();
        }
        try {
            Set<String> deleted = resolved.provider().users().listDeleted(resolved.scope()).stream()
                    .map(RemoteUser::id).collect(Collectors.toSet());
            return DeletedUsers.bounded(DeletedUsers.pruned(status.getDeletedUsers(), deleted), clock.instant());
        } catch (ProviderException e) {
            return status.getDeletedUsers();
        }
    }

    /** Forgets a deleted customer. */
    void forget(String uid) {
        workspacesRead.remove(uid);
    }
}
