package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a LicenseAssignment: seats, how many users got it, and the first failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LicenseAssignmentStatus extends BoundStatus {

    @JsonPropertyDescription("The hub's ID of the licence spec.license names.")
    private String licenseId;

    @JsonPropertyDescription("Seats of the licence in the customer org.")
    private Seats seats;

    @JsonPropertyDescription("Selected users.")
    private int selected;

    @JsonPropertyDescription("Selected users who hold the licence.")
    private int assigned;

    @JsonPropertyDescription("Selected users who wait to be provisioned before they can get it.")
    private int pending;

    @JsonPropertyDescription("Selected users the provider refused the licence.")
    private int failed;

    @JsonPropertyDescription("assigned/selected, for the ASSIGNED printer column.")
    private String summary;

    @JsonPropertyDescription("The first failures (at most 10), with their typed reason and the user they concern.")
    private List<LicenseFailure> failures = new ArrayList<>();


    @JsonPropertyDescription("Users about whom this assignment and another of the customer disagree (one gives the "
            + "licence, an Exclusive one takes it away): the licence stays, and both assignments report it.")
    private List<String> conflicts = new ArrayList<>();

    @JsonPropertyDescription("How many removals of this Exclusive assignment wait for approval (deletion protection).")
    private int removalsHeld;

    public String getLicenseId() {
        return licenseId;
    }

    public void setLicenseId(String licenseId) {
        this.licenseId = licenseId;
    }

    public Seats getSeats() {
        return seats;
    }

    public void setSeats(Seats seats) {
        this.seats = seats;
    }

    public int getSelected() {
        return selected;
    }

    public void setSelected(int selected) {
        this.selected = selected;
    }

    public int getAssigned() {
        return assigned;
    }

    public void setAssigned(int assigned) {
        this.assigned = assigned;
    }

    public int getPending() {
        return pending;
    }

    public void setPending(int pending) {
        this.pending = pending;
    }

    public int getFailed() {
        return failed;
    }

    public void setFailed(int failed) {
        this.failed = failed;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<LicenseFailure> getFailures() {
        return failures;
    }

    public void setFailures(List<LicenseFailure> failures) {
        this.failures = failures;
    }

    public List<String> getConflicts() {
        return conflicts;
    }

    public void setConflicts(List<String> conflicts) {
        this.conflicts = conflicts;
    }

    public int getRemovalsHeld() {
        return removalsHeld;
    }

    public void setRemovalsHeld(int removalsHeld) {
        this.removalsHeld = removalsHeld;
    }
}
