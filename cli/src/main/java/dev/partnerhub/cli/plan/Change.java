package dev.partnerhub.cli.plan;

import java.util.List;

/**
 * What applying one manifest would do to the provider.
 *
 * @param details for an update, each field as {@code path: old -> new}; for a licence, each user it gives the licence
 *                to ({@code + name}) or takes it from ({@code - name}); for a blocked object, why
 */
public record Change(String kind, String namespace, String name, Action action, List<String> details) {

    /** What would happen. */
    public enum Action {
        CREATE("+"), UPDATE("~"), DELETE("-"), NO_CHANGE(" "), BLOCKED("!");

        final String sign;

        Action(String sign) {
            this.sign = sign;
        }
    }

    String label() {
        return kind + " " + namespace + "/" + name;
    }
}
