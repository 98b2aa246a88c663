package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.operator.provider.ConnectionException.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A connection's spec.endpoint, checked before a provider is made with it: a URL of the provider's API, and not the
 * token sent in clear to another machine.
 */
final class ConnectionEndpoint {

    private ConnectionEndpoint() {
    }

    /**
     * Refuses an endpoint that is not a URL, and an http:// one, which carries the token in clear, unless it is on this
     * machine's loopback (the local hub) or {@code spec.allowInsecure} is set.
     */
    static void check(PartnerConnectionSpec spec) throws ConnectionException {
        URI endpoint = parsed(spec);
        if (endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme())
                || Boolean.TRUE.equals(spec.getAllowInsecure())) {
            return;
        }
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!loopback) {
            throw new ConnectionException(Problem.InsecureEndpoint,
                    "spec.endpoint: http:// would send the connection's token in clear to " + endpoint.getHost()
                    + "; use https://, or set spec.allowInsecure: true where the network between the operator and "
                    + "that host is trusted.");
        }
    }

    /**
     * The endpoint as a URI with a scheme, and a host where it is http or https (the CRD's pattern, checked again where
     * no admission ran); null when the spec leaves it to the provider's default.
     */
    private static URI parsed(PartnerConnectionSpec spec) throws ConnectionException {
        if (spec.getEndpoint() == null) {
            return null;
        }
        try {
            URI endpoint = new URI(spec.getEndpoint());
            boolean web = endpoint.getScheme() != null && endpoint.getScheme().toLowerCase(Locale.ROOT)
                    .matches("https?");
            // Another scheme is a provider factory's to take or refuse (the tests' fake provider has its own).
            if (endpoint.getScheme() != null && (!web || endpoint.getHost() != null)) {
                return endpoint;
            }
        } catch (URISyntaxException e) {
            // Answered below, naming the field.
        }
        throw new ConnectionException(Problem.InvalidSpec, "spec.endpoint: " + spec.getEndpoint() + " is not a URL of "
                + "the provider's API; write it as https://host/path, for example https://webexapis.com/v1.");
    }
}
