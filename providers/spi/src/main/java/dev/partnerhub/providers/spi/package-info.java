/**
 * What reconcilers ask of a provider: {@link dev.partnerhub.providers.spi.Provider} and its parts (customers, users,
 * people, licensing, workspaces, the contact-center sync), and how vendors plug in:
 * {@link dev.partnerhub.providers.spi.ProviderFactory}, a {@link java.util.ServiceLoader} service. Plain Java, no
 * Kubernetes types. What a provider can do, as data, and the values it takes and answers are in
 * {@link dev.partnerhub.providers.spi.model}; its failures in {@link dev.partnerhub.providers.spi.errors}; the HTTP
 * client the vendors share in {@code http}, and the token plumbing in {@code auth}. Vendors keep their wire formats,
 * status strings and error codes to themselves.
 */
package dev.partnerhub.providers.spi;
