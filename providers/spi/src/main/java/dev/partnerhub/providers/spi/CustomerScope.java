package dev.partnerhub.providers.spi;

/**
 * Identifies one customer to the provider: the hub's customer ID (wholesale) or the service provider's
 * enterprise ID (BroadWorks), whichever the model keys subscribers by.
 */
public record CustomerScope(String customerId, String spEnterpriseId) {
}
