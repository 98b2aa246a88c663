/**
 * How a provider call fails, as the reconcilers tell it apart: refused (a person must change the spec), busy or
 * unavailable (try again later), unauthenticated (the connection's credentials), not found, and answers that are not
 * the vendor's API; each carries the vendor's own errors ({@link dev.partnerhub.providers.spi.errors.RemoteError}).
 */
package dev.partnerhub.providers.spi.errors;
