package dev.partnerhub.operator.events;

/**
 * One thing a status round tells a person through an Event: a state transition (Ready's new reason) or an error
 * (Synced False, Stalled True), with the condition's reason and message.
 *
 * @param warning Warning when something failed or a person must act, else Normal
 */
public record Occurrence(boolean warning, String reason, String message) {

    String type() {
        return warning ? "Warning" : "Normal";
    }
}
