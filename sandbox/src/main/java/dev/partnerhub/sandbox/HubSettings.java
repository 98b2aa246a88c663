package dev.partnerhub.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How to start a local partner hub. Port 0 picks a free port. The two default onboarding templates give one
 * trusted-email and one untrusted-email flow; more can be added through the admin endpoint.
 */
public record HubSettings(String host, int port, String token, Duration customerProvisioningDelay,
        Duration subscriberProvisioningDelay, List<Template> templates) {

    /** Provisioning ID of the default trusted-email onboarding template. */
    public static final String TRUSTED_TEMPLATE = "local-trusted";
    /** Provisioning ID of the default untrusted-email onboarding template. */
    public static final String UNTRUSTED_TEMPLATE = "local-untrusted";

    /**
     * An onboarding template: its provisioning ID, a display name, whether emails are trusted, and the partner
     * administrator a customer's admin must accept when the partner attaches to an existing org.
     */
    public record Template(String provisioningId, String name, boolean trustedEmail, String adminEmail) {
    }

    /** The partner administrator of the default templates. */
    public static final String PARTNER_ADMIN = "partner-admin@local-partner.example.com";

    public static HubSettings defaults() {
        return new HubSettings("127.0.0.1", 0, "local-dev-token", Duration.ofSeconds(2), Duration.ofSeconds(1),
                List.of(new Template(TRUSTED_TEMPLATE, "Trusted email", true, PARTNER_ADMIN),
                        new Template(UNTRUSTED_TEMPLATE, "Untrusted email", false, PARTNER_ADMIN)));
    }

    public HubSettings withHost(String newHost) {
        return new HubSettings(newHost, port, token, customerProvisioningDelay, subscriberProvisioningDelay, templates);
    }

    public HubSettings withPort(int newPort) {
        return new HubSettings(host, newPort, token, customerProvisioningDelay, subscriberProvisioningDelay, templates);
    }

    public HubSettings withToken(String newToken) {
        return new HubSettings(host, port, newToken, customerProvisioningDelay, subscriberProvisioningDelay, templates);
    }

    public HubSettings withDelays(Duration customer, Duration subscriber) {
        return new HubSettings(host, port, token, customer, subscriber, templates);
    }
}
