package dev.partnerhub.providers.spi.model;

import java.util.Set;

/**
 * What a provider can do, as data, so that reconcilers never ask which vendor it is.
 *
 * @param name     how messages name it, for example "a Webex Wholesale connection"
 * @param features  the optional features it has
 * @param catalogue what its packages, roles and person records mean
 */
public record Capabilities(String name, CustomerModel customers, UserModel users, Set<Feature> features,
        Catalogue catalogue) {

    public Capabilities {
        features = Set.copyOf(features);
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }
}
