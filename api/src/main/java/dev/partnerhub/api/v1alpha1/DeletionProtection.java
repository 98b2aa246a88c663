package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How many remote deletions a connection allows before a person must approve more. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeletionProtection {

    @Min(0)
    @Max(100000)
    @JsonPropertyDescription("Remote deletions (users, customers, licences taken away by an Exclusive assignment) "
            + "allowed in any hour. Beyond it they are held, the objects Stalled DeletionHeld, until a new token of "
            + "the annotation partnerhub.dev/approve-deletions on this connection releases those held then. "
            + "Default: 20. 0 holds every deletion.")
    private Integer maxDeletesPerHour = 20;

    public Integer getMaxDeletesPerHour() {
        return maxDeletesPerHour;
    }

    public void setMaxDeletesPerHour(Integer maxDeletesPerHour) {
        this.maxDeletesPerHour = maxDeletesPerHour;
    }
}
