package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a customer organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerStatus extends BoundStatus {

    @JsonPropertyDescription("The hub's ID of the customer (wholesale customer or BroadWorks enterprise), recorded as "
            + "soon as the hub accepts the create.")
    private String customerId;


    @JsonPropertyDescription("A create sent to the provider whose ID is not recorded yet; the object found under this "
            + "key is this resource's own.")
    private PendingCreate createPending;

    @JsonPropertyDescription("The Webex organization ID of the customer, once the hub has created the org.")
    private String orgId;

    @JsonPropertyDescription("The hub's provisioning status of the customer, unchanged (provisioning, provisioned, "
            + "provisioned_with_errors, updating, error).")
    private String providerStatus;

    @JsonPropertyDescription("The partner's rights in the org: FullAdmin, or LimitedAdmin (another role, for example "
            + "Provisioning Admin after an automatic attach; ask the customer's administrator for Full Administrator). "
            + "Absent when the provider cannot tell (Webex does not list the orgs of a partner full administrator).")
    private AdminAccessLevel adminAccess;

    @JsonPropertyDescription("The partner's role in the org, as the provider's role list names it.")
    private String adminRole;

    @JsonPropertyDescription("When a person must act (for example the org's administrator approving an attach): who "
            + "must do what.")
    private String pendingAction;

    @JsonPropertyDescription("Users the hub holds for this customer that no CustomerUser declares (self-activated, "
            + "orphaned, created elsewhere); the operator never touches them.")
    private UndeclaredUsers undeclared;

    @JsonPropertyDescription("Users that CustomerUsers of this namespace deleted and the provider keeps restorable: "
            + "a CustomerUser applied again with the same key restores its user instead of creating another. The 500 "
            + "most recent of the last 30 days (the provider's restore window).")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private List<DeletedUser> deletedUsers = new ArrayList<>();

    public List<DeletedUser> getDeletedUsers() {
        return deletedUsers;
    }

    public void setDeletedUsers(List<DeletedUser> deletedUsers) {
        this.deletedUsers = deletedUsers;
    }


    @JsonPropertyDescription("A package list the provider accepted and does not show yet: when it was sent, how often, "
            + "and when it is sent again if the provider still shows another list.")
    private PackageChange packageChange;

    @JsonPropertyDescription("Per-package state with the hub's warnings and errors.")
    private List<PackageStatus> packages = new ArrayList<>();

    @JsonPropertyDescription("Counts of this customer's CustomerUsers by activation state.")
    private UserCounts users;

    @JsonPropertyDescription("Errors of the last provider call or of the hub's asynchronous provisioning, unchanged.")
    private List<ProviderError> errors = new ArrayList<>();

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getProviderStatus() {
        return providerStatus;
    }

    public void setProviderStatus(String providerStatus) {
        this.providerStatus = providerStatus;
    }

    public List<PackageStatus> getPackages() {
        return packages;
    }

    public void setPackages(List<PackageStatus> packages) {
        this.packages = packages;
    }

    public UserCounts getUsers() {
        return users;
    }

    public void setUsers(UserCounts users) {
        this.users = users;
    }

    public List<ProviderError> getErrors() {
        return errors;
    }

    public void setErrors(List<ProviderError> errors) {
        this.errors = errors;
    }

    public AdminAccessLevel getAdminAccess() {
        return adminAccess;
    }

    public void setAdminAccess(AdminAccessLevel adminAccess) {
        this.adminAccess = adminAccess;
    }

    public String getAdminRole() {
        return adminRole;
    }

    public void setAdminRole(String adminRole) {
        this.adminRole = adminRole;
    }

    public String getPendingAction() {
        return pendingAction;
    }

    public void setPendingAction(String pendingAction) {
        this.pendingAction = pendingAction;
    }

    public UndeclaredUsers getUndeclared() {
        return undeclared;
    }

    public void setUndeclared(UndeclaredUsers undeclared) {
        this.undeclared = undeclared;
    }

    public PackageChange getPackageChange() {
        return packageChange;
    }

    public void setPackageChange(PackageChange packageChange) {
        this.packageChange = packageChange;
    }

    public PendingCreate getCreatePending() {
        return createPending;
    }

    public void setCreatePending(PendingCreate createPending) {
        this.createPending = createPending;
    }
}
