/** The provider interface that reconcilers speak to, its value objects and errors. Plain Java: no HTTP types leak. */
package dev.partnerhub.providers.spi;
