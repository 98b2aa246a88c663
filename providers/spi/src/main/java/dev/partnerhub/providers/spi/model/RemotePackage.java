package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.errors.RemoteError;
import java.util.List;

/** The provider's state of one customer package, with its warnings and errors. */
public record RemotePackage(String name, String status, List<RemoteError> warnings, List<RemoteError> errors) {
}
