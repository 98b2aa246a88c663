package dev.partnerhub.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a method and a path template such as {@code /v1/wholesale/customers/{customerId}} to a handler. */
public final class Router {

    /** Whether a route needs the bearer token (the Webex-shaped API) or not (the local admin endpoint). */
    public enum Access { BEARER, OPEN }

    public record Match(Route route, Map<String, String> pathParams) {
    }

    public record Route(String method, String template, Pattern pattern, List<String> names, Access access,
            Function<HubRequest, HubResponse> handler) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Access access, Function<HubRequest, HubResponse> handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, access, handler));
        return this;
    }

    /** The route for this request; a 404 when no path matches, a 405 when only the method differs. */
    public Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), java.net.URLDecoder.decode(m.group(i + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
                return new Match(route, params);
            }
        }
        throw pathKnown ? new HubError(405, HubError.HUB_METHOD, "Method " + method + " is not allowed on " + path + ".")
                : new HubError(404, HubError.HUB_NOT_FOUND, "No resource at " + path + ".");
    }
}
