package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Address;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.providers.spi.RemoteCustomer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

/** Pure functions from a Customer's spec to what the provider should hold, and the spec's problems. */
public final class CustomerDesiredState {

    private CustomerDesiredState() {
    }

    /** What is wrong with the spec for this provider, each naming the field and the fix; empty when valid. */
    public static List<String> problems(CustomerSpec spec, ProvisioningProvider provider) {
        List<String> problems = new ArrayList<>();
        if (provider.customerCreation() == CustomerCreation.EXPLICIT) {
            require(problems, spec.getExternalId(), "spec.externalId", "the partner's stable ID of the customer");
            if (spec.getAttach() == null) {
                require(problems, spec.getDisplayName(), "spec.displayName", "the organization's name");
                require(problems, spec.getPrimaryEmail(), "spec.primaryEmail", "the customer administrator's email");
            }
            if (spec.getAddress() == null) {
                problems.add("spec.address: required on a wholesale connection (addressLine1, city, country).");
            }
            if (spec.getPackages() == null || spec.getPackages().isEmpty()) {
                problems.add("spec.packages: list at least one package, for example webex_calling.");
            }
        } else {
            if (spec.getBroadworks() == null || blank(spec.getBroadworks().getSpEnterpriseId())) {
                problems.add("spec.broadworks.spEnterpriseId: required on a broadworks connection.");
            }
            if (spec.getPackages() != null && !spec.getPackages().isEmpty()) {
                problems.add("spec.packages: BroadWorks customers carry no packages; set each user's "
                        + "spec.package instead and remove spec.packages.");
            }
            if (spec.getAttach() != null) {
                problems.add("spec.attach: attaching an existing org is supported on wholesale connections only.");
            }
        }
        if (spec.getPackages() != null) {
            List<String> unknown = spec.getPackages().stream()
                    .filter(p -> !provider.customerPackages().contains(p)).toList();
            if (!unknown.isEmpty() && provider.customerCreation() == CustomerCreation.EXPLICIT) {
                problems.add("spec.packages: unknown package(s) " + unknown + "; allowed: "
                        + new TreeSet<>(provider.customerPackages()) + ".");
            }
        }
        return problems;
    }

    public static CustomerRequest request(CustomerSpec spec) {
        Address a = spec.getAddress();
        CustomerRequest.PostalAddress address = a == null ? null : new CustomerRequest.PostalAddress(
                a.getAddressLine1(), a.getAddressLine2(), a.getCity(), a.getStateOrProvince(), a.getZipOrPostalCode(),
                a.getCountry());
        return new CustomerRequest(spec.getExternalId(),
                spEnterpriseId(spec),
                spec.getProvisioningId(), spec.getDisplayName(), spec.getPrimaryEmail(), spec.getLanguage(),
                spec.getPackages() == null ? List.of() : List.copyOf(spec.getPackages()), address,
                spec.getAttach() == null ? null : spec.getAttach().getOrgId());
    }

    /** The BroadWorks enterprise a Customer names; null on a wholesale Customer. */
    public static String spEnterpriseId(CustomerSpec spec) {
        return spec.getBroadworks() == null ? null : spec.getBroadworks().getSpEnterpriseId();
    }

    /** Whether the provider's package set differs from the desired one (order does not matter). */
    public static boolean packagesDiffer(CustomerSpec spec, RemoteCustomer remote) {
        List<String> desired = spec.getPackages() == null ? List.of() : spec.getPackages();
        return !new HashSet<>(desired).equals(new HashSet<>(remote.packages()));
    }

    private static void require(List<String> problems, String value, String field, String what) {
        if (blank(value)) {
            problems.add(field + ": required on a wholesale connection (" + what + ").");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
