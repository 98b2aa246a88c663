package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Billing address of a customer organization. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Address {

    @Required
    @Size(min = 1, max = 50)
    @JsonPropertyDescription("Address line 1 (at most 50 characters).")
    private String addressLine1;

    @Size(min = 0, max = 50)
    @JsonPropertyDescription("Address line 2 (at most 50 characters).")
    private String addressLine2;

    @Size(max = 64)
    @Required
    @JsonPropertyDescription("City.")
    private String city;

    @Size(max = 64)
    @JsonPropertyDescription("State or province; required in some countries.")
    private String stateOrProvince;

    @Size(max = 20)
    @JsonPropertyDescription("Postal or ZIP code; required in some countries.")
    private String zipOrPostalCode;

    @Size(max = 2)
    @Required
    @Pattern("^[A-Z]{2}$")
    @JsonPropertyDescription("ISO 3166-1 alpha-2 country code, for example US or SE.")
    private String country;

    public String getAddressLine1() {
        return addressLine1;
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getStateOrProvince() {
        return stateOrProvince;
    }

    public void setStateOrProvince(String stateOrProvince) {
        this.stateOrProvince = stateOrProvince;
    }

    public String getZipOrPostalCode() {
        return zipOrPostalCode;
    }

    public void setZipOrPostalCode(String zipOrPostalCode) {
        this.zipOrPostalCode = zipOrPostalCode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }
}
