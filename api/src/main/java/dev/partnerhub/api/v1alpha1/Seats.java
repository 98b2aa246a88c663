package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Seats of one licence in the customer org, as the hub counts them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Seats {

    @JsonPropertyDescription("Seats bought.")
    private int total;

    @JsonPropertyDescription("Seats held by users.")
    private int consumed;

    @JsonPropertyDescription("Seats left (never below 0).")
    private int available;

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getConsumed() {
        return consumed;
    }

    public void setConsumed(int consumed) {
        this.consumed = consumed;
    }

    public int getAvailable() {
        return available;
    }

    public void setAvailable(int available) {
        this.available = available;
    }
}
