package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One vendor's API in the hub: its routes and records. The hub calls every surface with its lock held, so that a
 * surface sees a consistent store; asynchronous work is settled before each call.
 */
public interface Surface {

    void register(Router router);

    /** Whether a request path belongs to this surface (for its error body shape). */
    boolean owns(String path);

    /** Completes every asynchronous step whose time has come. */
    void settle();

    /** Adds its records to the admin endpoint's dump. */
    void state(ObjectNode into);

    /** The identity service whose access tokens its routes take. */
    dev.partnerhub.sandbox.oauth.TokenIssuer.Vendor identityService();

    /** The body of a failure on one of its routes, in the vendor's error shape. */
    ObjectNode error(HubError error, String trackingId);

    /**
     * The reply it already gave to this very request, where the vendor names a request by an idempotency key that
     * the caller sends again; empty otherwise (the request is handled).
     *
     * @param headers the request's headers, names in lower case
     */
    default java.util.Optional<HubResponse> replay(String method, java.util.Map<String, String> headers) {
        return java.util.Optional.empty();
    }

    /** Sees each reply to an authenticated request on one of its paths, fault or not, before it is sent. */
    default void answered(String method, java.util.Map<String, String> headers, HubResponse response) {
    }
}
