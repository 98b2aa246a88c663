package dev.partnerhub.providers.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What reconcilers need from a partner provisioning system. Implementations speak HTTP; callers see value
 * objects and {@link ProviderException}s only. Every method may block on the connection's rate limiter.
 */
public interface ProvisioningProvider {

    /** How customer organizations come into being. */
    enum CustomerCreation {
        /** The partner creates the customer explicitly (Webex Wholesale). */
        EXPLICIT,
        /** The hub creates the org with the enterprise's first subscriber (Webex for BroadWorks). */
        WITH_FIRST_SUBSCRIBER
    }

    CustomerCreation customerCreation();

    /** The package names a user may have in this model. */
    Set<String> userPackages();

    /** The package names a customer may have in this model; empty where customers carry no packages. */
    Set<String> customerPackages();

    /** The user fields {@link #updateSubscriber} can change; the others go through the people API, or nowhere. */
    Set<UserField> subscriberUpdates();

    /** Whether a user package gives a phone line, and so needs a phone number or an extension. */
    boolean isCallingPackage(String packageName);

    /** An authenticated call that changes nothing; throws when the credentials or the endpoint are wrong. */
    void probe();

    /** The customer with this partner key (externalId or spEnterpriseId), if the provider has one. */
    Optional<RemoteCustomer> findCustomer(CustomerRequest key);

    Optional<RemoteCustomer> getCustomer(String customerId);

    /**
     * Starts creating a customer, or attaching an existing org; returns its ID at once (provisioning goes on
     * asynchronously). A refused attach throws {@link AttachRefusedException}.
     */
    String createCustomer(CustomerRequest request);

    /** Replaces the customer's package list (the request carries the full list). */
    void updateCustomer(String customerId, CustomerRequest request);

    /** Starts deleting a customer; a customer that is already gone counts as deleted. */
    void deleteCustomer(String customerId);

    /**
     * All subscribers of one customer, paged through; with {@code changedSince}, only those whose status changed
     * after it (where the API can filter so; otherwise all).
     */
    List<RemoteSubscriber> listSubscribers(CustomerScope customer, Instant changedSince);

    RemoteSubscriber createSubscriber(SubscriberRequest request);

    RemoteSubscriber updateSubscriber(String subscriberId, SubscriberRequest request);

    /** Sends the consent-to-move email again to a subscriber in pending_user_migration. */
    void sendConsentEmail(String subscriberId);

    /** Removes a subscriber; one that is already gone counts as removed. */
    void deleteSubscriber(String subscriberId);
}
