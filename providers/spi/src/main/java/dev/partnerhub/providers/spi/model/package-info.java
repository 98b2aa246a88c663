/**
 * The provider's data: what it can do ({@link dev.partnerhub.providers.spi.model.Capabilities}, its customer and user
 * models and features), the requests reconcilers send and the remote objects it answers with. Values only: no calls.
 */
package dev.partnerhub.providers.spi.model;
