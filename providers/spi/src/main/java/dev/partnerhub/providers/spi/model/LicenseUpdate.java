package dev.partnerhub.providers.spi.model;

import java.util.List;
import java.util.Map;

/** The outcome of one licence request for one person: what it holds now, and each refused licence's refusal. */
public record LicenseUpdate(List<String> licenses, Map<String, LicenseRefusal> refused) {
}
