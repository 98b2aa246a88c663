package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Desired state of one user of a customer organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(oldSelf.broadworks) || !has(oldSelf.broadworks.userId) || (has(self.broadworks) "
        + "&& has(self.broadworks.userId) && self.broadworks.userId == oldSelf.broadworks.userId)",
        fieldPath = ".broadworks.userId", reason = "FieldValueForbidden",
        message = "cannot change once set: it is the user's identity in BroadWorks; delete this CustomerUser and "
                + "create a new one for another BroadWorks user")
@ValidationRule(value = "!has(self.__package__) || !(self.__package__ in " + CustomerUserSpec.CALLING_PACKAGES + ") "
        + "|| has(self.phoneNumber) || has(self.extension)", fieldPath = ".phoneNumber", reason = "FieldValueRequired",
        message = "this package gives the user a line: set spec.phoneNumber (E.164, with its +) or spec.extension")
public class CustomerUserSpec {

    /** The packages that give a user a phone line (Wholesale's calling packages and every BroadWorks package). */
    static final String CALLING_PACKAGES = "['webex_calling', 'webex_suite', 'webex_voice', 'webex_calling_standard', "
            + "'cx_essentials', 'softphone', 'basic', 'standard', 'premium']";

    @Required
    @ValidationRule(value = "self == oldSelf", reason = "FieldValueForbidden",
            message = "cannot change after creation: the user belongs to its Customer for good; delete this "
                    + "CustomerUser and create one for the other Customer")
    @JsonPropertyDescription("The Customer this user belongs to, in the same namespace. Cannot change after "
            + "creation.")
    private CustomerRef customerRef;

    @Size(max = 254)
    @Pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
    @JsonPropertyDescription("The user's email address. Required on wholesale connections and with trusted-email "
            + "onboarding templates; with untrusted email the user enters it in the activation portal.")
    private String email;

    @Size(min = 1, max = 64)
    @JsonPropertyDescription("First name.")
    private String firstName;

    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Last name.")
    private String lastName;


    @Size(min = 1, max = 256)
    @JsonPropertyDescription("Display name in Webex; when absent the provider derives one from the first and last "
            + "names.")
    private String displayName;

    @Size(max = 64)
    @JsonProperty("package")
    @Pattern("^[a-z][a-z_]*$")
    @JsonPropertyDescription("The user's package. Wholesale: webex_calling, webex_meetings, webex_suite, webex_voice, "
            + "cx_essentials, webex_calling_standard, cx_standard_agent, cx_premium_agent (and one of the customer's "
            + "packages). BroadWorks: softphone, basic, standard, premium. Partner Center users have no package: "
            + "their licences come from LicenseAssignments.")
    private String packageName;

    @Size(max = 16)
    @Pattern("^\\+[1-9][0-9]{1,14}$")
    @JsonPropertyDescription("Primary phone number in E.164 form, with its leading + (spreadsheet editors often strip "
            + "it). Calling packages need a phone number or an extension.")
    private String phoneNumber;

    @Size(max = 10)
    @Pattern("^[0-9]{2,10}$")
    @JsonPropertyDescription("Extension, 2 to 10 digits. Calling packages need a phone number or an extension.")
    private String extension;

    @Size(max = 255)
    @JsonPropertyDescription("Webex Calling location ID of the user (wholesale).")
    private String locationId;

    @Size(max = 2)
    @Pattern("^[A-Z]{2}$")
    @JsonPropertyDescription("The country (ISO 3166-1 alpha-2, for example US) whose services the user may be "
            + "licensed for: Partner Center needs it before it assigns a licence.")
    private String usageLocation;

    @Size(max = 253)
    @Pattern("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")
    @JsonPropertyDescription("The Webex site the user hosts meetings on, as a host name (acme.webex.com): Control "
            + "Hub's Preferred Webex Site. Set it for packages with meetings; without it the status warns, as the "
            + "portal does, since the user's meetings may land on the wrong site.")
    private String preferredWebexSite;

    @Size(max = 32)
    @JsonPropertyDescription("Roles of the user, by name. Webex: the Contact Center roles beyond agent, Supervisor "
            + "(needs the Premium agent package or licence) and Administrator (Premium agent with full administrator "
            + "rights). Partner Center: directory roles of the customer's tenant by their display name, for example "
            + "User Administrator or Helpdesk Administrator (the user's permissions). The operator takes away only the "
            + "roles it gave (status.grantedRoles).")
    private List<@Size(max = 128) String> roles = new ArrayList<>();

    @JsonPropertyDescription("BroadWorks settings; required on a broadworks connection.")
    private UserBroadWorks broadworks;

    @JsonPropertyDescription("Delete (default): deleting this resource removes the subscriber from the hub. Orphan: "
            + "the subscriber stays.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;


    @JsonPropertyDescription("Take over the object the provider already holds under this resource's key, which the "
            + "operator did not create. Without it such an object is never touched: the resource is Stalled "
            + "AlreadyExists, naming it. hubctl adopt writes it.")
    private boolean adoptExisting;

    public CustomerRef getCustomerRef() {
        return customerRef;
    }

    public void setCustomerRef(CustomerRef customerRef) {
        this.customerRef = customerRef;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPackageName() {
        return packageName;
    }

    public void setPackageName(String packageName) {
        this.packageName = packageName;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getUsageLocation() {
        return usageLocation;
    }

    public void setUsageLocation(String usageLocation) {
        this.usageLocation = usageLocation;
    }

    public String getLocationId() {
        return locationId;
    }

    public void setLocationId(String locationId) {
        this.locationId = locationId;
    }

    public UserBroadWorks getBroadworks() {
        return broadworks;
    }

    public void setBroadworks(UserBroadWorks broadworks) {
        this.broadworks = broadworks;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public boolean isAdoptExisting() {
        return adoptExisting;
    }

    public void setAdoptExisting(boolean adoptExisting) {
        this.adoptExisting = adoptExisting;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPreferredWebexSite() {
        return preferredWebexSite;
    }

    public void setPreferredWebexSite(String preferredWebexSite) {
        this.preferredWebexSite = preferredWebexSite;
    }
}
