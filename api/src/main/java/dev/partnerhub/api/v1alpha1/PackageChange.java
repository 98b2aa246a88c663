package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A package list the provider accepted and does not show yet: it is not sent again while the provider applies it,
 * only once {@code resendAfter} has passed with the old list still shown, each wait twice the one before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PackageChange {

    @JsonPropertyDescription("The package list sent.")
    private List<String> packages = new ArrayList<>();

    @JsonPropertyDescription("When it was last sent (RFC 3339).")
    private String sentAt;

    @JsonPropertyDescription("How many times it was sent.")
    private int attempts;

    @JsonPropertyDescription("When it is sent again if the provider still shows another list (RFC 3339).")
    private String resendAfter;

    public PackageChange() {
    }

    public PackageChange(List<String> packages, String sentAt, int attempts, String resendAfter) {
        this.packages = new ArrayList<>(packages);
        this.sentAt = sentAt;
        this.attempts = attempts;
        this.resendAfter = resendAfter;
    }

    public List<String> getPackages() {
        return packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    public String getSentAt() {
        return sentAt;
    }

    public void setSentAt(String sentAt) {
        this.sentAt = sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public String getResendAfter() {
        return resendAfter;
    }

    public void setResendAfter(String resendAfter) {
        this.resendAfter = resendAfter;
    }
}
