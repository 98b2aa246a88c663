package dev.partnerhub.providers.spi.model;

/**
 * The customer a user call is about, as the provider files users: the customer's ID where the partner created it,
 * else its declared key (see {@link CustomerModel.Creation}).
 */
public record CustomerScope(String id) {
}
