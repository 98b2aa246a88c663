package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What the two Webex models can do. */
final class WebexCapabilities {

    static final Set<String> WHOLESALE_CUSTOMER_PACKAGES = Set.of("common_area_calling", "webex_calling",
            "webex_meetings", "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard",
            "cisco_calling_plan", "attendant_console", "cx_premium_agent", "cx_standard_agent", "cx_voice_ports",
            "cx_ai_assistant", "webex_ai_agent");
    static final Set<String> WHOLESALE_USER_PACKAGES = Set.of("webex_calling", "webex_meetings", "webex_suite",
            "webex_voice", "cx_essentials", "webex_calling_standard", "attendant_console", "cx_standard_agent",
            "cx_premium_agent");
    static final Set<String> WHOLESALE_CALLING_PACKAGES = Set.of("webex_calling", "webex_suite", "webex_voice",
            "webex_calling_standard", "cx_essentials");
    /**
     * The customer packages that bring Webex Calling, whose provisioning needs the customer's calling location
     * (Cisco's "Provision a Wholesale Customer": provisioningParameters.calling is "Mandatory when provisioning
     * calling packages"; these are the packages cisco_calling_plan depends on).
     */
    static final Set<String> WHOLESALE_CALLING_CUSTOMER_PACKAGES = Set.of("common_area_calling", "webex_calling",
            "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard");
    /** Every BroadWorks package gives a line. */
    static final Set<String> BROADWORKS_PACKAGES = Set.of("softphone", "basic", "standard", "premium");

    /**
     * Seed 003's last step of a detach, after the workspaces, subscribers and pending users are removed through the
     * API: no API deletes the customer's BroadWorks Calling configuration.
     */
    static final String DETACH_STEP = "In the customer's Control Hub, open Hybrid and, under BroadWorks Calling, "
            + "delete every configuration: no API does this last step of a detach.";

    /**
     * Cisco's "Update a Person": the locationId "cannot be changed if a user is already an existing calling user", and
     * no API of the Wholesale files moves one.
     */
    static final String LOCATION_STEP = "Webex's provisioning APIs cannot move a calling user to another location. "
            + "Move the user in Control Hub (Users, the user, Calling, its location), then set spec.locationId to the "
            + "new location's ID.";

    private WebexCapabilities() {
    }

    /** Wholesale: the partner creates customers (or attaches orgs); users by email; names through People. */
    static Capabilities wholesale() {
        return new Capabilities("wholesale",
                new CustomerModel(CustomerField.EXTERNAL_ID, CustomerModel.Creation.EXPLICIT,
                        WHOLESALE_CUSTOMER_PACKAGES, WHOLESALE_CALLING_CUSTOMER_PACKAGES,
                        EnumSet.of(CustomerField.EXTERNAL_ID, CustomerField.PROVISIONING_ID, CustomerField.PACKAGES,
                                CustomerField.ADDRESS),
                        EnumSet.of(CustomerField.DISPLAY_NAME, CustomerField.PRIMARY_EMAIL),
                        EnumSet.of(CustomerField.EXTERNAL_ID, CustomerField.PROVISIONING_ID, CustomerField.PACKAGES,
                                CustomerField.ADDRESS, CustomerField.DISPLAY_NAME, CustomerField.PRIMARY_EMAIL,
                                CustomerField.LANGUAGE, CustomerField.ATTACH_ORG_ID,
                                CustomerField.CALLING_LOCATION)),
                new UserModel(UserField.EMAIL, WHOLESALE_USER_PACKAGES, WHOLESALE_CALLING_PACKAGES,
                        EnumSet.of(UserField.EMAIL, UserField.PACKAGE),
                        EnumSet.of(UserField.EMAIL, UserField.FIRST_NAME, UserField.LAST_NAME, UserField.DISPLAY_NAME,
                                UserField.PACKAGE, UserField.PHONE_NUMBER, UserField.EXTENSION, UserField.LOCATION,
                                UserField.PREFERRED_SITE),
                        EnumSet.of(UserField.PACKAGE),
                        EnumSet.of(UserField.PHONE_NUMBER, UserField.EXTENSION, UserField.LOCATION),
                        Map.of(UserField.LOCATION, LOCATION_STEP)),
                EnumSet.of(Feature.LICENSES, Feature.ROLES, Feature.ACTIVATION_ACTIONS, Feature.ADMIN_ACCESS,
                        Feature.ORG_ATTACH, Feature.CONTACT_CENTER), WebexCatalogue.of());
    }

    /** BroadWorks: an enterprise comes with its first subscriber; users by BroadWorks user ID, which holds names. */
    static Capabilities broadworks() {
        return new Capabilities("broadworks",
                new CustomerModel(CustomerField.ENTERPRISE_ID, CustomerModel.Creation.WITH_FIRST_USER, Set.of(), Set.of(),
                        EnumSet.of(CustomerField.ENTERPRISE_ID, CustomerField.PROVISIONING_ID), Set.of(),
                        EnumSet.of(CustomerField.ENTERPRISE_ID, CustomerField.PROVISIONING_ID), DETACH_STEP),
                new UserModel(UserField.USER_ID, BROADWORKS_PACKAGES, BROADWORKS_PACKAGES,
                        EnumSet.of(UserField.USER_ID, UserField.FIRST_NAME, UserField.LAST_NAME, UserField.PACKAGE),
                        EnumSet.of(UserField.USER_ID, UserField.EMAIL, UserField.FIRST_NAME, UserField.LAST_NAME,
                                UserField.DISPLAY_NAME, UserField.PACKAGE, UserField.PHONE_NUMBER,
                                UserField.EXTENSION, UserField.PREFERRED_SITE),
                        EnumSet.of(UserField.PACKAGE, UserField.FIRST_NAME, UserField.LAST_NAME,
                                UserField.PHONE_NUMBER, UserField.EXTENSION)),
                EnumSet.of(Feature.LICENSES, Feature.ROLES, Feature.ACTIVATION_ACTIONS, Feature.ADMIN_ACCESS,
                        Feature.CONTACT_CENTER), WebexCatalogue.of());
    }
}
