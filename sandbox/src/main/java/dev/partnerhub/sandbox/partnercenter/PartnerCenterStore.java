package dev.partnerhub.sandbox.partnercenter;

import dev.partnerhub.sandbox.HubError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Partner Center's records: the partner's customer tenants, their subscribed SKUs and users. A deleted user is
 * inactive for 30 days (restorable, its licences remembered, its seats freed), then purged. Callers hold the hub's
 * lock.
 */
final class PartnerCenterStore {

    static final Duration RESTORE_WINDOW = Duration.ofDays(30);

    static final class Tenant {
        String id;
        String name;
        final Map<String, Sku> skus = new LinkedHashMap<>();
        final Map<String, User> users = new LinkedHashMap<>();
        final Map<String, DirectoryRole> roles = new LinkedHashMap<>();
    }

    /** A directory role of a tenant (its ID is the tenant's own) and the users who hold it. */
    static final class DirectoryRole {
        String id;
        String name;
        final Set<String> members = new LinkedHashSet<>();
    }

    /** A product the tenant subscribes to: its seats, and the licence group it belongs to. */
    static final class Sku {
        String id;
        String name;
        String partNumber;
        String group;
        int total;
    }

    static final class User {
        String id;
        String upn;
        String firstName;
        String lastName;
        String displayName;
        String usageLocation;
        String phoneNumber;
        boolean active = true;
        Instant created;
        Instant softDeletionTime;
        final Set<String> licenses = new LinkedHashSet<>();
        /** The licences it held when it was deleted, given back on restore where seats allow. */
        final Set<String> licensesBeforeDeletion = new LinkedHashSet<>();
    }

    final Clock clock;
    final Map<String, Tenant> tenants = new LinkedHashMap<>();

    PartnerCenterStore(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    Tenant tenant(String id) {
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            throw new HubError(404, PartnerCenterCodes.TENANT_NOT_FOUND, "Customer tenant " + id + " was not found, or has no relationship with this "
                    + "partner.");
        }
        return tenant;
    }

    DirectoryRole role(Tenant tenant, String id) {
        DirectoryRole role = tenant.roles.get(id);
        if (role == null) {
            throw new HubError(404, PartnerCenterCodes.NOT_FOUND, "Directory role " + id + " was not found.");
        }
        return role;
    }

    User user(Tenant tenant, String id) {
        User user = tenant.users.get(id);
        if (user == null) {
            throw new HubError(404, PartnerCenterCodes.USER_NOT_FOUND, "User object id " + id + " was not found.");
        }
        return user;
    }

    /** Seats of a SKU held by active users. */
    long consumed(Tenant tenant, String skuId) {
        return tenant.users.values().stream().filter(u -> u.active && u.licenses.contains(skuId)).count();
    }

    /** Deleted users whose 30 days are over are gone for good, from the tenant's roles too. */
    void settle() {
        Instant now = now();
        tenants.values().forEach(t -> {
            t.users.values().removeIf(u -> !u.active && u.softDeletionTime.plus(RESTORE_WINDOW).isBefore(now));
            t.roles.values().forEach(role -> role.members.retainAll(t.users.keySet()));
        });
    }
}
