package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ContactCenterRole;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.operator.license.LicenseSelection;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.LicensingProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import dev.partnerhub.providers.spi.SubscriberRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Pure functions from a CustomerUser's spec to the subscriber the provider should hold. */
public final class UserDesiredState {

    private UserDesiredState() {
    }

    /** What is wrong with the spec for this customer and provider, each naming the field and the fix. */
    public static List<String> problems(CustomerUserSpec spec, Customer customer, ProvisioningProvider provider,
            LicensingProvider licensing) {
        List<String> problems = new ArrayList<>();
        String pkg = spec.getPackageName();
        boolean wholesale = provider.customerCreation() == CustomerCreation.EXPLICIT;
        if (pkg == null || !provider.userPackages().contains(pkg)) {
            problems.add("spec.package: " + pkg + " is not a package of this connection's model; use one of "
                    + new TreeSet<>(provider.userPackages()) + ".");
        } else if (wholesale && !customer.getSpec().getPackages().contains(pkg)) {
            problems.add("spec.package: " + pkg + " is not one of Customer " + customer.getMetadata().getName()
                    + "'s packages " + customer.getSpec().getPackages() + "; add it to the Customer's spec.packages "
                    + "or choose one of those.");
        }
        if (pkg != null && provider.isCallingPackage(pkg) && blank(spec.getPhoneNumber()) && blank(spec.getExtension())) {
            problems.add("spec.phoneNumber, spec.extension: package " + pkg + " gives the user a line; set a phone "
                    + "number (E.164, with its +) or an extension.");
        }
        if (wholesale && blank(spec.getEmail())) {
            problems.add("spec.email: required on a wholesale connection.");
        }
        if (!wholesale && (spec.getBroadworks() == null || blank(spec.getBroadworks().getUserId()))) {
            problems.add("spec.broadworks.userId: required on a broadworks connection (the user's BroadWorks ID).");
        }
        if (!wholesale && (blank(spec.getFirstName()) || blank(spec.getLastName()))) {
            problems.add("spec.firstName, spec.lastName: required on a broadworks connection.");
        }
        problems.addAll(UserFields.unsupported(spec, UserFields.changeable(provider, licensing),
                wholesale ? "wholesale" : "broadworks"));
        return problems;
    }

    /**
     * What is wrong with the Contact Center roles: Supervisor and Administrator need the Premium agent
     * licence, from the package or from an assignment that selects the user.
     */
    public static List<String> roleProblems(CustomerUser user, LicensingProvider licensing,
            List<LicenseAssignment> assignments) {
        CustomerUserSpec spec = user.getSpec();
        List<ContactCenterRole> roles = spec.getRoles() == null ? List.of() : spec.getRoles();
        if (roles.isEmpty()) {
            return List.of();
        }
        Set<String> premium = licensing.supervisorLicenses();
        boolean fromPackage = licensing.packageLicenses(spec.getPackageName()).stream().anyMatch(premium::contains);
        boolean fromAssignment = assignments.stream()
                .anyMatch(a -> premium.stream().anyMatch(p -> p.equalsIgnoreCase(a.getSpec().getLicense()))
                        && LicenseSelection.selects(a, user));
        if (fromPackage || fromAssignment) {
            return List.of();
        }
        return List.of("spec.roles: " + roles + " needs the " + String.join(" or ", premium) + " licence, from the "
                + "package (for example cx_premium_agent) or from a LicenseAssignment that selects this user; its "
                + "package " + spec.getPackageName() + " brings " + new TreeSet<>(licensing.packageLicenses(
                        spec.getPackageName())) + ".");
    }

    public static SubscriberRequest request(CustomerUserSpec spec, Customer customer, CustomerScope scope) {
        return new SubscriberRequest(scope, customer.getSpec().getProvisioningId(),
                spec.getBroadworks() == null ? null : spec.getBroadworks().getUserId(), spec.getEmail(),
                spec.getFirstName(), spec.getLastName(), spec.getPackageName(), spec.getPhoneNumber(),
                spec.getExtension(), spec.getLocationId());
    }

    /** The key a user's subscriber is found under: its BroadWorks user ID, else its email. */
    public static String key(CustomerUserSpec spec) {
        String userId = spec.getBroadworks() == null ? null : spec.getBroadworks().getUserId();
        return userId != null ? userId : spec.getEmail();
    }

    public static Optional<RemoteSubscriber> byId(List<RemoteSubscriber> subscribers, String id) {
        return subscribers.stream().filter(s -> id.equals(s.id())).findFirst();
    }

    /** The subscriber under this user's key: its BroadWorks user ID, or its email (case does not matter). */
    public static Optional<RemoteSubscriber> byKey(List<RemoteSubscriber> subscribers, CustomerUserSpec spec) {
        String userId = spec.getBroadworks() == null ? null : spec.getBroadworks().getUserId();
        if (userId != null) {
            return subscribers.stream().filter(s -> userId.equals(s.userId())).findFirst();
        }
        return subscribers.stream().filter(s -> s.email() != null && s.email().equalsIgnoreCase(spec.getEmail()))
                .findFirst();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
