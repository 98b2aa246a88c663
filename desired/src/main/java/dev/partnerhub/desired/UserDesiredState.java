package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.Names;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import dev.partnerhub.providers.spi.model.UserRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure functions from a CustomerUser's spec to the user the provider should hold, and the spec's problems, from the
 * provider's capabilities: what identifies a user, which fields it needs and holds, its packages.
 */
public final class UserDesiredState {

    private UserDesiredState() {
    }

    /** Why the spec cannot be acted on: the kind of refusal and a message naming the fields. */
    public record Refusal(Kind kind, String message) {

        /** What is wrong; each is named as the operator's condition reason for it. */
        public enum Kind {
            /** A field or a feature the provider lacks. */
            UnsupportedByProvider,
            /** A field missing or wrong. */
            InvalidSpec
        }
    }

    /**
     * Null when the spec can be acted on with this provider; otherwise {@code UnsupportedByProvider} (a field or a
     * feature the provider lacks) or {@code InvalidSpec} (a field missing or wrong).
     */
    public static Refusal refusal(CustomerUser user, Customer customer, Capabilities capabilities,
            List<LicenseAssignment> assignments) {
        List<String> unsupported = new ArrayList<>(unsupported(user.getSpec(), capabilities));
        unsupported.addAll(Annotations.unsupported(user, capabilities));
        if (!unsupported.isEmpty()) {
            return new Refusal(Refusal.Kind.UnsupportedByProvider, String.join(" ", unsupported));
        }
        List<String> problems = new ArrayList<>(problems(user.getSpec(), customer, capabilities));
        if (capabilities.has(Feature.ROLES)) {
            problems.addAll(roleProblems(user, capabilities.catalogue(), assignments));
        }
        return problems.isEmpty() ? null : new Refusal(Refusal.Kind.InvalidSpec, String.join(" ", problems));
    }

    /**
     * What the provider accepts but the portal warns about: a package with meetings and no meeting site (seed 000:
     * no error, but problems with the meeting site later on).
     */
    public static List<String> warnings(CustomerUserSpec spec, Capabilities capabilities) {
        List<String> warnings = new ArrayList<>();
        if (capabilities.users().supported().contains(UserField.PREFERRED_SITE) && spec.getPackageName() != null
                && capabilities.catalogue().hasMeetings(spec.getPackageName())
                && UserFields.declared(spec, UserField.PREFERRED_SITE) == null) {
            warnings.add(UserFields.path(UserField.PREFERRED_SITE) + ": not set, and package " + spec.getPackageName()
                    + " brings meetings; the user's meetings may land on a site it was not meant for. Set it to the "
                    + "customer's Webex site (for example acme.webex.com).");
        }
        return warnings;
    }

    /** The declared fields and features this provider does not have, each naming the field. */
    public static List<String> unsupported(CustomerUserSpec spec, Capabilities capabilities) {
        List<String> problems = new ArrayList<>();
        Set<UserField> held = EnumSet.noneOf(UserField.class);
        held.addAll(capabilities.users().supported());
        held.addAll(capabilities.catalogue().personFields());
        for (UserField field : UserField.values()) {
            if (UserFields.declared(spec, field) != null && !held.contains(field)) {
                problems.add(UserFields.path(field) + ": a " + capabilities.name() + " connection has no such field "
                        + "for a user; remove it.");
            }
        }
        if (spec.getRoles() != null && !spec.getRoles().isEmpty() && !capabilities.has(Feature.ROLES)) {
            problems.add("spec.roles: a " + capabilities.name() + " connection has no such roles; remove them.");
        }
        return problems;
    }

    /** What is missing or wrong in the spec for this customer and provider, each naming the field and the fix. */
    public static List<String> problems(CustomerUserSpec spec, Customer customer, Capabilities capabilities) {
        UserModel model = capabilities.users();
        List<String> problems = new ArrayList<>();
        for (UserField field : UserField.values()) {
            if (model.required().contains(field) && UserFields.declared(spec, field) == null) {
                problems.add(UserFields.path(field) + ": required on a " + capabilities.name() + " connection.");
            }
        }
        String pkg = spec.getPackageName();
        if (pkg != null && !model.packages().isEmpty()) {
            if (!model.packages().contains(pkg)) {
                problems.add("spec.package: " + pkg + " is not a package of this connection's model; use one of "
                        + new TreeSet<>(model.packages()) + ".");
            } else if (capabilities.customers().supported().contains(CustomerField.PACKAGES)
                    && !customer.getSpec().getPackages().contains(pkg)) {
                problems.add("spec.package: " + pkg + " is not one of Customer " + customer.getMetadata().getName()
                        + "'s packages " + customer.getSpec().getPackages() + "; add it to the Customer's "
                        + "spec.packages or choose one of those.");
            }
        }
        if (pkg != null && model.callingPackages().contains(pkg) && blank(spec.getPhoneNumber())
                && blank(spec.getExtension())) {
            problems.add("spec.phoneNumber, spec.extension: package " + pkg + " gives the user a line; set a phone "
                    + "number (E.164, with its +) or an extension.");
        }
        return problems;
    }

    /**
     * What is wrong with the roles: each needs one of the licences the provider names for it, from the package or
     * from an assignment that selects the user.
     */
    public static List<String> roleProblems(CustomerUser user, Catalogue catalogue,
            List<LicenseAssignment> assignments) {
        CustomerUserSpec spec = user.getSpec();
        List<String> roles = spec.getRoles() == null ? List.of() : spec.getRoles();
        List<String> problems = new ArrayList<>();
        Set<String> fromPackage = spec.getPackageName() == null ? Set.of()
                : catalogue.packageLicenses(spec.getPackageName());
        for (String role : roles) {
            Catalogue.RoleGrant grant = catalogue.grant(role);
            if (grant == null) {
                problems.add("spec.roles: " + role + " is not a role of this connection's provider.");
                continue;
            }
            boolean fromAssignment = assignments.stream().anyMatch(a -> grant.licenses().stream()
                    .anyMatch(l -> Names.same(l, a.getSpec().getLicense())) && LicenseSelection.selects(a, user));
            if (grant.licenses().isEmpty() || fromPackage.stream().anyMatch(p -> grant.licenses().stream()
                    .anyMatch(l -> Names.same(l, p))) || fromAssignment) {
                continue;
            }
            problems.add("spec.roles: " + role + " needs the " + String.join(" or ", grant.licenses()) + " licence, "
                    + "from the package (for example cx_premium_agent) or from a LicenseAssignment that selects this "
                    + "user; its package " + spec.getPackageName() + " brings " + new TreeSet<>(fromPackage) + ".");
            break;
        }
        return problems;
    }

    public static UserRequest request(CustomerUserSpec spec, Customer customer, Capabilities capabilities) {
        return new UserRequest(key(spec, capabilities), spec.getEmail(), spec.getFirstName(), spec.getLastName(),
                spec.getDisplayName(), spec.getPackageName(), spec.getPhoneNumber(), spec.getExtension(),
                spec.getLocationId(), spec.getUsageLocation(), customer.getSpec().getProvisioningId(), null);
    }

    /** The value that identifies the user in the provider: the field its capabilities name (an email, a user ID). */
    public static String key(CustomerUserSpec spec, Capabilities capabilities) {
        return UserFields.declared(spec, capabilities.users().key());
    }

    public static Optional<RemoteUser> byId(List<RemoteUser> users, String id) {
        return users.stream().filter(s -> id.equals(s.id())).findFirst();
    }

    /** The user under this key (case does not matter). */
    public static Optional<RemoteUser> byKey(List<RemoteUser> users, String key) {
        return key == null ? Optional.empty()
                : users.stream().filter(s -> s.key() != null && s.key().equalsIgnoreCase(key)).findFirst();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
