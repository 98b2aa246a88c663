package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Webex records the local hub keeps: customers, enterprises, subscribers, workspaces, people, licences, orgs. */
final class WebexRecords {

    private WebexRecords() {
    }

    /** Onboarding template, found by its provisioning ID. */
    record Template(String provisioningId, String name, boolean trustedEmail, String adminEmail) {
    }

    static final class Customer {
        String id;
        String orgId;
        String externalId;
        String provisioningId;
        String name;
        String primaryEmail;
        String language;
        JsonNode address;
        /** provisioningParameters.calling.location, once the customer has calling. */
        JsonNode callingLocation;
        List<String> packages = new ArrayList<>();
        String status;
        Instant created;
        Instant due;
    }

    static final class Enterprise {
        String id;
        String orgId;
        String spEnterpriseId;
        String provisioningId;
    }

    /** A BroadWorks workspace: a place's device on a BroadWorks user ID, filed by its enterprise. */
    static final class Workspace {
        String id;
        String provisioningId;
        String spEnterpriseId;
        String userId;
        String displayName;
        String primaryPhoneNumber;
        String extension;
        Instant created;
    }

    /** Wholesale and BroadWorks subscribers share one table so that an email is unique across the hub. */
    static final class Subscriber {
        boolean broadworks;
        String id;
        String personId;
        String customerId;
        String externalCustomerId;
        String spEnterpriseId;
        String provisioningId;
        String userId;
        String email;
        String firstName;
        String lastName;
        String primaryPhoneNumber;
        String extension;
        String locationId;
        String packageName;
        String status;
        boolean selfActivated;
        Integer errorCode;
        String errorDescription;
        Instant created;
        Instant lastStatusChange;
        Instant due;
    }

    /** One licence of one org: its seats, and who holds it. */
    static final class License {
        String id;
        String orgId;
        String name;
        /** The meeting site of a meetings licence; null for the others. */
        String siteUrl;
        int totalUnits;
        final java.util.Set<String> holders = new java.util.LinkedHashSet<>();
    }

    /**
     * The People-API side of a provisioned subscriber: its licences and roles, and the display name once someone set
     * one (until then it is derived from the subscriber's names, which the person shares).
     */
    static final class Person {
        String id;
        String orgId;
        String displayName;
        /** From when the org's people list shows the person (a new person is found by ID before it is listed). */
        Instant listedFrom = Instant.EPOCH;
        final java.util.Set<String> licenses = new java.util.LinkedHashSet<>();
        final java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        /**
         * Meeting sites as "Update a Person" sets them: "site" where it hosts, "site#attendee" where it attends (the
         * sites of its meetings licences are its host sites besides).
         */
        final List<String> siteUrls = new ArrayList<>();
        /** The site its meetings go to by default (Meeting Preferences' default site); null: its first site. */
        String defaultSite;
    }

    /** A customer org that exists in the hub before any partner attaches to it (seed 003). */
    static final class ExistingOrg {
        String id;
        String name;
        int users;
        boolean verifiedDomain;
        boolean claimedDomain;
        boolean activeLicenses;
        boolean approved;
        /** The customer or BroadWorks enterprise it is attached to; null while it is no partner's. */
        String attachedTo;
        String partnerRole;
        /** The email addresses of some of its users (a BroadWorks enterprise's first subscriber may match one). */
        final java.util.Set<String> emails = new java.util.HashSet<>();

        /**
         * The partner's role once attached (seed 003): Full Administrator where the org's administrator approved it
         * (added as an external Full Administrator) or the org has no active licences, else Provisioning Administrator.
         */
        String partnerRoleOnAttach() {
            return LicenseCatalog.roleId(activeLicenses && !approved ? "id_provisioning_admin" : "id_full_admin");
        }
    }
}
