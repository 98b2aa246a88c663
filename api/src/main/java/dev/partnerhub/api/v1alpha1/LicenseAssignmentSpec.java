package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** One licence for a set of users of one customer, like group-based licensing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LicenseAssignmentSpec {

    @Required
    @ValidationRule(value = "self == oldSelf", reason = "FieldValueForbidden",
            message = "cannot change after creation: the assignment's licences belong to its Customer's users; "
                    + "delete this LicenseAssignment and create one for the other Customer")
    @JsonPropertyDescription("The Customer whose users get the licence, in the same namespace. Cannot change after "
            + "creation.")
    private CustomerRef customerRef;

    @Size(max = 255)
    @Required
    @JsonPropertyDescription("The licence, by the hub's licence name or ID.")
    private String license;

    @Required
    @JsonPropertyDescription("The users that get the licence.")
    private LicenseUsers users;

    @JsonPropertyDescription("Additive (default): assign only. Exclusive: users outside the set lose this licence.")
    private LicenseMode mode = LicenseMode.Additive;

    public CustomerRef getCustomerRef() {
        return customerRef;
    }

    public void setCustomerRef(CustomerRef customerRef) {
        this.customerRef = customerRef;
    }

    public String getLicense() {
        return license;
    }

    public void setLicense(String license) {
        this.license = license;
    }

    public LicenseUsers getUsers() {
        return users;
    }

    public void setUsers(LicenseUsers users) {
        this.users = users;
    }

    public LicenseMode getMode() {
        return mode;
    }

    public void setMode(LicenseMode mode) {
        this.mode = mode;
    }
}
