package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The user's synchronisation with Contact Center, made once after each change of its Contact Center licences or
 * roles: Control Hub's "Synchronize users" and its Sync Status column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContactCenterSync {

    @JsonPropertyDescription("What the last sync was for: the Contact Center licences and roles the user held, by "
            + "name, or \"(none)\" after the last was taken away. A change of it makes the next sync.")
    private String syncedFor;

    @JsonPropertyDescription("The provider's Sync Status of the last sync: valid or invalid.")
    private String syncStatus;

    @JsonPropertyDescription("Syncs made for syncedFor. An invalid sync is retried once; after a second one the "
            + "operator stops and says a support request is needed.")
    private int attempts;

    @JsonPropertyDescription("When the last sync was made (RFC 3339).")
    private String lastSyncTime;

    @JsonPropertyDescription("The provider's tracking ID of the last sync: quote it in a support request.")
    private String trackingId;

    @JsonPropertyDescription("What is wrong and what to do, while the sync is not valid.")
    private String message;

    public String getSyncedFor() {
        return syncedFor;
    }

    public void setSyncedFor(String syncedFor) {
        this.syncedFor = syncedFor;
    }

    public String getSyncStatus() {
        return syncStatus;
    }

    public void setSyncStatus(String syncStatus) {
        this.syncStatus = syncStatus;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public String getLastSyncTime() {
        return lastSyncTime;
    }

    public void setLastSyncTime(String lastSyncTime) {
        this.lastSyncTime = lastSyncTime;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public void setTrackingId(String trackingId) {
        this.trackingId = trackingId;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
