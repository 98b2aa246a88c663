package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Desired state of one customer organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(oldSelf.externalId) || (has(self.externalId) && self.externalId == oldSelf.externalId)",
        fieldPath = ".externalId", reason = "FieldValueForbidden",
        message = "cannot change once set: it is the customer's key in the provider; delete this Customer and "
                + "create a new one for another customer")
@ValidationRule(value = "has(self.attach) == has(oldSelf.attach) && (!has(self.attach) "
        + "|| self.attach.orgId == oldSelf.attach.orgId)", fieldPath = ".attach.orgId", reason = "FieldValueForbidden",
        message = "cannot change after creation: attaching another org (or attaching instead of creating) is "
                + "another customer; delete this Customer and create a new one")
@ValidationRule(value = "!has(oldSelf.partnerCenter) || !has(oldSelf.partnerCenter.tenantId) || "
        + "(has(self.partnerCenter) && has(self.partnerCenter.tenantId) "
        + "&& self.partnerCenter.tenantId == oldSelf.partnerCenter.tenantId)",
        fieldPath = ".partnerCenter.tenantId", reason = "FieldValueForbidden",
        message = "cannot change once set: it is the customer's tenant; delete this Customer and create a new one "
                + "for another tenant")
@ValidationRule(value = "!has(oldSelf.broadworks) || !has(oldSelf.broadworks.spEnterpriseId) || (has(self.broadworks) "
        + "&& has(self.broadworks.spEnterpriseId) && self.broadworks.spEnterpriseId == oldSelf.broadworks.spEnterpriseId)",
        fieldPath = ".broadworks.spEnterpriseId", reason = "FieldValueForbidden",
        message = "cannot change once set: it is the enterprise's identity in BroadWorks; delete this Customer "
                + "and create a new one for another enterprise")
@ValidationRule(value = "!has(self.packages) || !self.packages.exists(p, p in " + CustomerSpec.CALLING_PACKAGES + ") "
        + "|| (has(self.calling) && has(self.calling.location))", fieldPath = ".calling.location",
        reason = "FieldValueRequired", message = "required when spec.packages holds a calling package "
                + CustomerSpec.CALLING_PACKAGES + ": set the office's timezone and language (its name and address "
                + "default to spec.displayName and spec.address)")
@ValidationRule(value = "!has(oldSelf.calling) || !has(oldSelf.calling.location) || (has(self.calling) "
        + "&& has(self.calling.location) && self.calling.location == oldSelf.calling.location)",
        fieldPath = ".calling.location", reason = "FieldValueForbidden",
        message = "cannot change once set: Webex takes the calling location when it provisions calling and changes it "
                + "in Control Hub (Calling, Locations); change it there, and set this back")
public class CustomerSpec {

    /** The Wholesale customer packages that bring Webex Calling and so need spec.calling.location. */
    public static final String CALLING_PACKAGES = "['common_area_calling', 'webex_calling', 'webex_suite', 'webex_voice', "
            + "'cx_essentials', 'webex_calling_standard']";

    @Required
    @ValidationRule(value = "self.name == oldSelf.name && (has(self.__namespace__) ? self.__namespace__ : '') == "
            + "(has(oldSelf.__namespace__) ? oldSelf.__namespace__ : '')", reason = "FieldValueForbidden",
            message = "cannot change after creation: the customer lives in that provider account; delete this "
                    + "Customer and create one for the other PartnerConnection")
    @JsonPropertyDescription("The PartnerConnection this customer is provisioned through. Cannot change after "
            + "creation.")
    private ConnectionRef connectionRef;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("The partner's own stable identifier of the customer (wholesale: required). The operator "
            + "looks the customer up by it before creating one, so a lost reply or a re-applied manifest never "
            + "creates a duplicate. Cannot change once set.")
    private String externalId;

    @Size(min = 1, max = 255)
    @Pattern("^[^%]*$")
    @JsonPropertyDescription("Name of the customer organization (no % character). Wholesale: required.")
    private String displayName;

    @Size(max = 254)
    @Pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
    @JsonPropertyDescription("Primary email address of the customer's administrator. Wholesale: required.")
    private String primaryEmail;

    @Size(max = 5)
    @Pattern("^[a-z]{2}([_-][A-Za-z]{2})?$")
    @JsonPropertyDescription("ISO-639-1 language, optionally with an ISO-3166 region (en, en_US, sv_SE).")
    private String language;

    @Size(min = 1, max = 255)
    @JsonPropertyDescription("Provisioning ID of the onboarding template in the hub: it decides trusted or untrusted "
            + "email and the admin email of the customer. Required on webex connections.")
    private String provisioningId;

    @Size(max = 20)
    @JsonPropertyDescription("The full desired list of customer packages (wholesale), for example webex_calling, "
            + "webex_meetings, webex_suite, webex_voice, cx_essentials, webex_calling_standard, common_area_calling. "
            + "Packages absent from the list are removed from the customer.")
    private List<@Size(max = 64) String> packages = new ArrayList<>();

    @JsonPropertyDescription("Billing address. Wholesale: required.")
    private Address address;

    @JsonPropertyDescription("Calling settings (wholesale): the office the calling packages are provisioned for.")
    private CustomerCalling calling;

    @JsonPropertyDescription("Attach an existing customer org (wholesale) instead of creating one.")
    private CustomerAttach attach;

    @JsonPropertyDescription("BroadWorks enterprise settings; required on a broadworks connection.")
    private CustomerBroadWorks broadworks;

    @JsonPropertyDescription("Partner Center settings; required on a partnercenter connection.")
    private CustomerPartnerCenter partnerCenter;

    @JsonPropertyDescription("Delete (default): deleting this resource deletes the customer in the hub. Orphan: the "
            + "customer stays in the hub.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;


    @JsonPropertyDescription("Take over the object the provider already holds under this resource's key, which the "
            + "operator did not create. Without it such an object is never touched: the resource is Stalled "
            + "AlreadyExists, naming it. hubctl adopt writes it.")
    private boolean adoptExisting;

    public ConnectionRef getConnectionRef() {
        return connectionRef;
    }

    public void setConnectionRef(ConnectionRef connectionRef) {
        this.connectionRef = connectionRef;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPrimaryEmail() {
        return primaryEmail;
    }

    public void setPrimaryEmail(String primaryEmail) {
        this.primaryEmail = primaryEmail;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getProvisioningId() {
        return provisioningId;
    }

    public void setProvisioningId(String provisioningId) {
        this.provisioningId = provisioningId;
    }

    public List<String> getPackages() {
        return packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    public CustomerCalling getCalling() {
        return calling;
    }

    public void setCalling(CustomerCalling calling) {
        this.calling = calling;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public CustomerBroadWorks getBroadworks() {
        return broadworks;
    }

    public void setBroadworks(CustomerBroadWorks broadworks) {
        this.broadworks = broadworks;
    }

    public CustomerPartnerCenter getPartnerCenter() {
        return partnerCenter;
    }

    public void setPartnerCenter(CustomerPartnerCenter partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public CustomerAttach getAttach() {
        return attach;
    }

    public void setAttach(CustomerAttach attach) {
        this.attach = attach;
    }

    public boolean isAdoptExisting() {
        return adoptExisting;
    }

    public void setAdoptExisting(boolean adoptExisting) {
        this.adoptExisting = adoptExisting;
    }
}
