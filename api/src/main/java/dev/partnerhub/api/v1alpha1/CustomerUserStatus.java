package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Observed state of one user: activation state and the provider's exact errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerUserStatus extends BoundStatus {

    @JsonPropertyDescription("The hub's subscriber ID, recorded as soon as the hub accepts the create.")
    private String userId;

    @JsonPropertyDescription("A create sent to the provider whose ID is not recorded yet; the object found under this "
            + "key is this resource's own.")
    private PendingCreate createPending;

    @JsonPropertyDescription("The Webex person ID, once the user is provisioned.")
    private String personId;

    @JsonPropertyDescription("The email address the hub holds for the user (with untrusted email: the one the user "
            + "entered).")
    private String email;

    @JsonProperty("package")
    @JsonPropertyDescription("The package the hub holds for the user.")
    private String packageName;

    @JsonPropertyDescription("The hub's provisioning status of the subscriber, unchanged.")
    private String providerStatus;

    @JsonPropertyDescription("Activation state, since when, and the pending action.")
    private Activation activation;

    @JsonPropertyDescription("Each licence the user holds or should hold: state, typed error and who assigned it.")
    private List<UserLicense> licenses = new ArrayList<>();

    @JsonPropertyDescription("A digest of what status.licenses was planned from (the user's spec and labels, its "
            + "customer's LicenseAssignments). A restarted operator checks a user whose digest still matches and whose "
            + "licences are all Active against this list instead of reading the org's licence catalogue again.")
    private String licensesBasis;

    @JsonPropertyDescription("The provider roles, by name, that the operator gave the person for spec.roles. It takes "
            + "away only these: a role the person held already (an adopted administrator) stays.")
    private List<String> grantedRoles = new ArrayList<>();

    @JsonPropertyDescription("What the provider accepts but the portal warns about, each naming the field and the fix "
            + "(a package with meetings and no spec.preferredWebexSite).")
    private List<String> warnings = new ArrayList<>();

    @JsonPropertyDescription("The user's synchronisation with Contact Center, once it held a Contact Center licence "
            + "or role.")
    private ContactCenterSync contactCenter;

    @JsonPropertyDescription("The last token of each imperative annotation acted on.")
    private UserActions actions;

    @JsonPropertyDescription("The Secret holding the user's temporary password (a new user's, or the last reset's), "
            + "where the provider takes one; the user must change it at the next sign-in. Never in status or logs.")
    private PasswordSecretRef passwordSecretRef;

    @JsonPropertyDescription("For a user restored instead of created: until when the provider kept it restorable "
            + "(RFC 3339).")
    private String restoreDeadline;

    public PasswordSecretRef getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(PasswordSecretRef passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }

    public String getLicensesBasis() {
        return licensesBasis;
    }

    public void setLicensesBasis(String licensesBasis) {
        this.licensesBasis = licensesBasis;
    }

    public String getRestoreDeadline() {
        return restoreDeadline;
    }

    public void setRestoreDeadline(String restoreDeadline) {
        this.restoreDeadline = restoreDeadline;
    }

    @JsonPropertyDescription("Errors of the last provider call or of the hub's provisioning, unchanged, so that a "
            + "person can copy them.")
    private List<ProviderError> errors = new ArrayList<>();

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPackageName() {
        return packageName;
    }

    public void setPackageName(String packageName) {
        this.packageName = packageName;
    }

    public String getProviderStatus() {
        return providerStatus;
    }

    public void setProviderStatus(String providerStatus) {
        this.providerStatus = providerStatus;
    }

    public Activation getActivation() {
        return activation;
    }

    public void setActivation(Activation activation) {
        this.activation = activation;
    }

    public List<ProviderError> getErrors() {
        return errors;
    }

    public void setErrors(List<ProviderError> errors) {
        this.errors = errors;
    }

    public List<UserLicense> getLicenses() {
        return licenses;
    }

    public void setLicenses(List<UserLicense> licenses) {
        this.licenses = licenses;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public void setWarnings(List<String> warnings) {
        this.warnings = warnings;
    }

    public ContactCenterSync getContactCenter() {
        return contactCenter;
    }

    public void setContactCenter(ContactCenterSync contactCenter) {
        this.contactCenter = contactCenter;
    }

    public UserActions getActions() {
        return actions;
    }

    public void setActions(UserActions actions) {
        this.actions = actions;
    }

    public PendingCreate getCreatePending() {
        return createPending;
    }

    public void setCreatePending(PendingCreate createPending) {
        this.createPending = createPending;
    }

    public List<String> getGrantedRoles() {
        return grantedRoles;
    }

    public void setGrantedRoles(List<String> grantedRoles) {
        this.grantedRoles = grantedRoles;
    }
}
