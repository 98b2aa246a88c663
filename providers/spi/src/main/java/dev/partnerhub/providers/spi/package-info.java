/**
 * What reconcilers ask of a provider ({@link dev.partnerhub.providers.spi.Provider}), what it can do as data
 * ({@link dev.partnerhub.providers.spi.Capabilities}), its value objects and errors. Plain Java, no Kubernetes types;
 * vendors plug in through {@link dev.partnerhub.providers.spi.ProviderFactory} (a {@link java.util.ServiceLoader}
 * service) and keep their wire formats, status strings and error codes to themselves.
 */
package dev.partnerhub.providers.spi;
