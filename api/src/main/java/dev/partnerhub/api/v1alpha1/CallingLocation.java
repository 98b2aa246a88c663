package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The office a customer's calling packages are provisioned for (Webex's calling location). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CallingLocation {

    @Size(min = 1, max = 80)
    @JsonPropertyDescription("Name of the office, for example Head Office. Default: spec.displayName.")
    private String name;

    @JsonPropertyDescription("Address of the office. Default: spec.address (the billing address).")
    private Address address;

    @Required
    @Size(min = 1, max = 64)
    @Pattern("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$|^UTC$")
    @JsonPropertyDescription("Time zone of the office as an IANA name, for example America/Los_Angeles or "
            + "Europe/Stockholm; it must be one of Webex's list of time zones for Wholesale provisioning.")
    private String timezone;

    @Size(max = 5)
    @Required
    @Pattern("^[a-z]{2}_[a-z]{2}$")
    @JsonPropertyDescription("Language of the location's generated emails and voice announcements, as Webex writes "
            + "it: language_region in lower case, for example en_us or sv_se.")
    private String language;

    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Sent in the SIP header of emergency calls from this office (Webex's "
            + "emergencyLocationIdentifier). Optional.")
    private String emergencyLocationIdentifier;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getEmergencyLocationIdentifier() {
        return emergencyLocationIdentifier;
    }

    public void setEmergencyLocationIdentifier(String emergencyLocationIdentifier) {
        this.emergencyLocationIdentifier = emergencyLocationIdentifier;
    }
}
