package dev.partnerhub.operator;

import dev.partnerhub.api.v1alpha1.Address;
import dev.partnerhub.api.v1alpha1.CallingLocation;
import dev.partnerhub.api.v1alpha1.CustomerCalling;
import dev.partnerhub.api.v1alpha1.ConnectionRef;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerBroadWorks;
import dev.partnerhub.api.v1alpha1.CustomerPartnerCenter;
import dev.partnerhub.api.v1alpha1.CustomerRef;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.DeletionProtection;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentSpec;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseUsers;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.ProviderKind;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.api.v1alpha1.UserBroadWorks;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.api.v1alpha1.WebexSettings;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders of the resources the tests apply, as a partner would write them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Secret tokenSecret(String namespace, String token) {
        return new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("hub-token").withNamespace(namespace)
                .build()).addToStringData("token", token).build();
    }

    public static PartnerConnection connection(String namespace, String name, String endpoint, WebexModel model) {
        PartnerConnection c = new PartnerConnection();
        c.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        PartnerConnectionSpec spec = new PartnerConnectionSpec();
        spec.setProvider(ProviderKind.WEBEX);
        spec.setEndpoint(endpoint);
        SecretKeyRef ref = new SecretKeyRef();
        ref.setName("hub-token");
        spec.setCredentialsSecretRef(ref);
        WebexSettings webex = new WebexSettings();
        webex.setModel(model);
        spec.setWebex(webex);
        RateLimit limit = new RateLimit();
        limit.setRequestsPerSecond(20);
        limit.setBurst(20);
        spec.setRateLimit(limit);
        // Deletion protection has its own tests; elsewhere a test deletes what it made without approvals.
        DeletionProtection protection = new DeletionProtection();
        protection.setMaxDeletesPerHour(1000);
        spec.setDeletionProtection(protection);
        c.setSpec(spec);
        return c;
    }

    public static Customer wholesaleCustomer(String namespace, String name, String connection, String... packages) {
        Customer c = customer(namespace, name, connection);
        CustomerSpec spec = c.getSpec();
        spec.setExternalId(namespace + "-" + name);
        spec.setDisplayName("Customer " + name);
        spec.setPrimaryEmail("admin@" + name + ".example.com");
        spec.setProvisioningId("local-trusted");
        spec.setPackages(List.of(packages));
        Address address = new Address();
        address.setAddressLine1("771 Alder Drive");
        address.setCity("Milpitas");
        address.setCountry("US");
        spec.setAddress(address);
        spec.setCalling(headOffice());
        return c;
    }

    /** The office calling packages are provisioned for; its name and address default to the customer's. */
    public static CustomerCalling headOffice() {
        CallingLocation location = new CallingLocation();
        location.setTimezone("America/Los_Angeles");
        location.setLanguage("en_us");
        CustomerCalling calling = new CustomerCalling();
        calling.setLocation(location);
        return calling;
    }

    /** A customer with only its key and name: what every provider that creates customers can hold. */
    public static Customer plainCustomer(String namespace, String name, String connection) {
        Customer c = customer(namespace, name, connection);
        c.getSpec().setExternalId(namespace + "-" + name);
        c.getSpec().setDisplayName("Customer " + name);
        return c;
    }

    /** A Partner Center connection: the hub's root URL (Partner Center's paths carry their /v1). */
    static PartnerConnection partnerCenterConnection(String namespace, String name, String hubUrl) {
        PartnerConnection c = connection(namespace, name, hubUrl, WebexModel.WHOLESALE);
        c.getSpec().setProvider(ProviderKind.PARTNER_CENTER);
        c.getSpec().setWebex(null);
        return c;
    }

    static Customer partnerCenterCustomer(String namespace, String name, String connection, String tenantId) {
        Customer c = customer(namespace, name, connection);
        CustomerPartnerCenter pc = new CustomerPartnerCenter();
        pc.setTenantId(tenantId);
        c.getSpec().setPartnerCenter(pc);
        return c;
    }

    /** A Partner Center user: its user principal name, names and usage location; no package. */
    static CustomerUser partnerCenterUser(String namespace, String name, String customer, String upn) {
        CustomerUser u = user(namespace, name, customer, upn, null, null);
        u.getSpec().setUsageLocation("US");
        return u;
    }

    static Customer broadworksCustomer(String namespace, String name, String connection, String provisioningId,
            String spEnterpriseId) {
        Customer c = customer(namespace, name, connection);
        c.getSpec().setProvisioningId(provisioningId);
        CustomerBroadWorks bw = new CustomerBroadWorks();
        bw.setSpEnterpriseId(spEnterpriseId);
        c.getSpec().setBroadworks(bw);
        return c;
    }

    private static Customer customer(String namespace, String name, String connection) {
        Customer c = new Customer();
        c.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        CustomerSpec spec = new CustomerSpec();
        ConnectionRef ref = new ConnectionRef();
        ref.setName(connection);
        spec.setConnectionRef(ref);
        c.setSpec(spec);
        return c;
    }

    public static CustomerUser user(String namespace, String name, String customer, String email, String pkg,
            String phone) {
        CustomerUser u = new CustomerUser();
        u.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        CustomerUserSpec spec = new CustomerUserSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName(customer);
        spec.setCustomerRef(ref);
        spec.setEmail(email);
        spec.setFirstName(name);
        spec.setLastName("Tester");
        spec.setPackageName(pkg);
        spec.setPhoneNumber(phone);
        u.setSpec(spec);
        return u;
    }

    static CustomerUser broadworksUser(String namespace, String name, String customer, String userId, String email,
            String pkg, String extension) {
        CustomerUser u = user(namespace, name, customer, email, pkg, null);
        u.getSpec().setExtension(extension);
        UserBroadWorks bw = new UserBroadWorks();
        bw.setUserId(userId);
        u.getSpec().setBroadworks(bw);
        return u;
    }

    static CustomerUser labelled(CustomerUser user, Map<String, String> labels) {
        user.getMetadata().setLabels(new HashMap<>(labels));
        return user;
    }

    public static LicenseAssignment assignment(String namespace, String name, String customer,
            String license, LicenseMode mode, List<String> names,
            Map<String, String> selector) {
        LicenseAssignment a = new LicenseAssignment();
        a.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LicenseAssignmentSpec spec = new LicenseAssignmentSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName(customer);
        spec.setCustomerRef(ref);
        spec.setLicense(license);
        spec.setMode(mode);
        LicenseUsers users = new LicenseUsers();
        users.setNames(names == null ? List.of() : names);
        users.setSelector(selector == null ? null
                : new LabelSelectorBuilder().withMatchLabels(selector).build());
        spec.setUsers(users);
        a.setSpec(spec);
        return a;
    }

    static CustomerUser orphan(CustomerUser user) {
        user.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        return user;
    }
}
