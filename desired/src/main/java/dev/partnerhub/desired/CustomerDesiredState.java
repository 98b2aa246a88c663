package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.Address;
import dev.partnerhub.api.v1alpha1.CallingLocation;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

/** Pure functions from a Customer's spec to what the provider should hold, and the spec's problems. */
public final class CustomerDesiredState {

    private CustomerDesiredState() {
    }

    /** The fields a provider does not hold that the spec declares, each naming the field and the fix. */
    public static List<String> unsupported(CustomerSpec spec, Capabilities capabilities) {
        List<String> problems = new ArrayList<>();
        for (CustomerField field : CustomerField.values()) {
            if (CustomerFields.declared(spec, field) && !capabilities.customers().supported().contains(field)) {
                problems.add(CustomerFields.path(field) + ": a " + capabilities.name() + " connection has no such "
                        + "field for a customer; remove it.");
            }
        }
        return problems;
    }

    /** What is missing or wrong in the spec for this provider, each naming the field and the fix; empty when valid. */
    public static List<String> problems(CustomerSpec spec, Capabilities capabilities) {
        CustomerModel model = capabilities.customers();
        List<String> problems = new ArrayList<>();
        String on = " on a " + capabilities.name() + " connection";
        for (CustomerField field : CustomerField.values()) {
            boolean required = model.required().contains(field)
                    || spec.getAttach() == null && model.requiredToCreate().contains(field);
            if (required && !CustomerFields.declared(spec, field)) {
                problems.add(CustomerFields.path(field) + ": required" + on + hint(field) + ".");
            }
        }
        if (spec.getPackages() != null && model.supported().contains(CustomerField.PACKAGES)) {
            List<String> unknown = spec.getPackages().stream().filter(p -> !model.packages().contains(p)).toList();
            if (!unknown.isEmpty()) {
                problems.add("spec.packages: unknown package(s) " + unknown + "; allowed: "
                        + new TreeSet<>(model.packages()) + ".");
            }
        }
        problems.addAll(callingProblems(spec, model));
        return problems;
    }

    /**
     * A calling package needs the office it is provisioned for; its name and address default to the customer's, so
     * each must come from one or the other.
     */
    private static List<String> callingProblems(CustomerSpec spec, CustomerModel model) {
        List<String> calling = spec.getPackages() == null ? List.of()
                : spec.getPackages().stream().filter(model.callingPackages()::contains).toList();
        if (calling.isEmpty()) {
            return List.of();
        }
        String path = CustomerFields.path(CustomerField.CALLING_LOCATION);
        if (!CustomerFields.declared(spec, CustomerField.CALLING_LOCATION)) {
            return List.of(path + ": required with the calling package(s) " + calling + "; set its timezone and "
                    + "language (for example America/Los_Angeles and en_us); its name and address default to "
                    + "spec.displayName and spec.address.");
        }
        CallingLocation location = spec.getCalling().getLocation();
        List<String> problems = new ArrayList<>();
        if (location.getName() == null && spec.getDisplayName() == null) {
            problems.add(path + ".name: required when spec.displayName is not set.");
        }
        if (location.getAddress() == null && spec.getAddress() == null) {
            problems.add(path + ".address: required when spec.address is not set.");
        }
        if (location.getTimezone() == null || location.getLanguage() == null) {
            problems.add(path + ": timezone and language are required.");
        }
        return problems;
    }

    private static String hint(CustomerField field) {
        return switch (field) {
            case EXTERNAL_ID -> " (the partner's stable ID of the customer)";
            case DISPLAY_NAME -> " (the organization's name)";
            case PRIMARY_EMAIL -> " (the customer administrator's email)";
            case ADDRESS -> " (addressLine1, city, country)";
            case PACKAGES -> "; list at least one package";
            case PROVISIONING_ID -> " (the onboarding template's provisioning ID)";
            default -> "";
        };
    }

    public static CustomerRequest request(CustomerSpec spec, Capabilities capabilities) {
        CustomerRequest.PostalAddress address = postal(spec.getAddress());
        return new CustomerRequest(key(spec, capabilities), spec.getProvisioningId(), spec.getDisplayName(),
                spec.getPrimaryEmail(), spec.getLanguage(),
                spec.getPackages() == null ? List.of() : List.copyOf(spec.getPackages()), address,
                spec.getAttach() == null ? null : spec.getAttach().getOrgId(), calling(spec, address));
    }

    /** The declared calling location, its name and address defaulting to the customer's; null when not declared. */
    private static CustomerRequest.CallingLocation calling(CustomerSpec spec, CustomerRequest.PostalAddress address) {
        if (!CustomerFields.declared(spec, CustomerField.CALLING_LOCATION)) {
            return null;
        }
        CallingLocation l = spec.getCalling().getLocation();
        return new CustomerRequest.CallingLocation(l.getName() != null ? l.getName() : spec.getDisplayName(),
                l.getAddress() != null ? postal(l.getAddress()) : address, l.getTimezone(), l.getLanguage(),
                l.getEmergencyLocationIdentifier());
    }

    private static CustomerRequest.PostalAddress postal(Address a) {
        return a == null ? null : new CustomerRequest.PostalAddress(a.getAddressLine1(), a.getAddressLine2(),
                a.getCity(), a.getStateOrProvince(), a.getZipOrPostalCode(), a.getCountry());
    }

    /** The customer's value of the provider's customer key. */
    public static String key(CustomerSpec spec, Capabilities capabilities) {
        return CustomerFields.value(spec, capabilities.customers().key());
    }

    /** Whether the provider's package set differs from the desired one (order does not matter). */
    public static boolean packagesDiffer(CustomerSpec spec, RemoteCustomer remote) {
        List<String> desired = spec.getPackages() == null ? List.of() : spec.getPackages();
        return !new HashSet<>(desired).equals(new HashSet<>(remote.packages()));
    }

    /**
     * Where the provider files the customer's users: the ID the Customer recorded, for customers the partner creates;
     * else the customer's key. Null until there is one.
     */
    public static CustomerScope scope(Customer customer, Capabilities capabilities) {
        CustomerModel model = capabilities.customers();
        if (model.creation() == CustomerModel.Creation.EXPLICIT) {
            String id = customer.getStatus() == null ? null : customer.getStatus().getCustomerId();
            return id == null ? null : new CustomerScope(id);
        }
        String key = CustomerFields.value(customer.getSpec(), model.key());
        return key == null ? null : new CustomerScope(key);
    }
}
