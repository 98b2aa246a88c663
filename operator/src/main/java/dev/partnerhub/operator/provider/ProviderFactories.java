package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.ProviderFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** The vendors on the class path ({@link ServiceLoader}): which one makes the provider of a connection. */
@ApplicationScoped
public class ProviderFactories {

    private final List<ProviderFactory> factories = ServiceLoader.load(ProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparingInt(ProviderFactory::priority).reversed())
            .toList();

    /** The factory of a connection's kind ({@code spec.provider}) and endpoint. */
    public Optional<ProviderFactory> of(String kind, String endpoint) {
        return factories.stream().filter(f -> f.accepts(kind, endpoint)).findFirst();
    }

    /** The kinds there is a factory for, for messages. */
    public TreeSet<String> kinds() {
        return factories.stream().map(ProviderFactory::kind).collect(java.util.stream.Collectors.toCollection(
                TreeSet::new));
    }
}
