package dev.partnerhub.providers.partnercenter;

import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What Partner Center can do for customer users. */
final class PartnerCenterCapabilities {

    private PartnerCenterCapabilities() {
    }

    /**
     * Customers are existing tenants, found by tenant ID. Users are keyed by user principal name (the spec's email),
     * carry no package, and keep their names, phone number and usage location; licences, directory roles (the
     * user's permissions), restore within 30 days and temporary passwords are there; activation steps are not.
     */
    static Capabilities of() {
        Set<UserField> fields = EnumSet.of(UserField.FIRST_NAME, UserField.LAST_NAME, UserField.DISPLAY_NAME,
                UserField.PHONE_NUMBER, UserField.USAGE_LOCATION);
        Set<UserField> supported = EnumSet.copyOf(fields);
        supported.add(UserField.EMAIL);
        return new Capabilities("partnercenter",
                new CustomerModel(CustomerField.TENANT_ID, CustomerModel.Creation.EXISTING, Set.of(), Set.of(),
                        EnumSet.of(CustomerField.TENANT_ID), Set.of(), EnumSet.of(CustomerField.TENANT_ID)),
                new UserModel(UserField.EMAIL, Set.of(), Set.of(), EnumSet.of(UserField.EMAIL), supported, fields),
                EnumSet.of(Feature.LICENSES, Feature.RESTORE, Feature.PASSWORDS, Feature.ROLES),
                // Names and the other fields change through the user itself; a spec role is the tenant's directory
                // role of that name (whether the tenant has it is the reconciler's to check).
                new Catalogue(Set.of(), Map.of(), null, Map.of(), true));
    }
}
