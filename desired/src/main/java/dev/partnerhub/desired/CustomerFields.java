package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.Address;
import dev.partnerhub.api.v1alpha1.CallingLocation;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.providers.spi.model.CustomerField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Where each customer field of the provider interface lives in a Customer's spec. */
public final class CustomerFields {

    private CustomerFields() {
    }

    public static String path(CustomerField field) {
        return switch (field) {
            case EXTERNAL_ID -> "spec.externalId";
            case ENTERPRISE_ID -> "spec.broadworks.spEnterpriseId";
            case TENANT_ID -> "spec.partnerCenter.tenantId";
            case ATTACH_ORG_ID -> "spec.attach.orgId";
            case DISPLAY_NAME -> "spec.displayName";
            case PRIMARY_EMAIL -> "spec.primaryEmail";
            case LANGUAGE -> "spec.language";
            case PROVISIONING_ID -> "spec.provisioningId";
            case PACKAGES -> "spec.packages";
            case ADDRESS -> "spec.address";
            case CALLING_LOCATION -> "spec.calling.location";
        };
    }

    /** The value of a text field; null when it is not declared (or not text). */
    public static String value(CustomerSpec spec, CustomerField field) {
        String value = switch (field) {
            case EXTERNAL_ID -> spec.getExternalId();
            case ENTERPRISE_ID -> spec.getBroadworks() == null ? null : spec.getBroadworks().getSpEnterpriseId();
            case TENANT_ID -> spec.getPartnerCenter() == null ? null : spec.getPartnerCenter().getTenantId();
            case ATTACH_ORG_ID -> spec.getAttach() == null ? null : spec.getAttach().getOrgId();
            case DISPLAY_NAME -> spec.getDisplayName();
            case PRIMARY_EMAIL -> spec.getPrimaryEmail();
            case LANGUAGE -> spec.getLanguage();
            case PROVISIONING_ID -> spec.getProvisioningId();
            case PACKAGES, ADDRESS, CALLING_LOCATION -> null;
        };
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether the spec declares the field. */
    public static boolean declared(CustomerSpec spec, CustomerField field) {
        return switch (field) {
            case PACKAGES -> spec.getPackages() != null && !spec.getPackages().isEmpty();
            case ADDRESS -> spec.getAddress() != null;
            case CALLING_LOCATION -> spec.getCalling() != null && spec.getCalling().getLocation() != null;
            default -> value(spec, field) != null;
        };
    }

    /**
     * The declared calling location as one line (its declared parts only, in a fixed order), to record and compare;
     * null when none is declared.
     */
    public static String callingLocation(CustomerSpec spec) {
        if (!declared(spec, CustomerField.CALLING_LOCATION)) {
            return null;
        }
        CallingLocation l = spec.getCalling().getLocation();
        Address a = l.getAddress();
        List<String> parts = new ArrayList<>();
        BiConsumer<String, String> put = (name, value) -> {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + value);
            }
        };
        put.accept("name", l.getName());
        if (a != null) {
            put.accept("address", String.join(", ", Stream.of(a.getAddressLine1(), a.getAddressLine2(),
                    a.getCity(), a.getStateOrProvince(), a.getZipOrPostalCode(), a.getCountry())
                    .filter(v -> v != null && !v.isBlank()).toList()));
        }
        put.accept("timezone", l.getTimezone());
        put.accept("language", l.getLanguage());
        put.accept("emergencyLocationIdentifier", l.getEmergencyLocationIdentifier());
        return String.join(", ", parts);
    }
}
