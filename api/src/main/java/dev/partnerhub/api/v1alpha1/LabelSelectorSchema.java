package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/**
 * The schema, never the Java type, of this API's label selectors: Kubernetes' LabelSelector with its rules (an
 * operator of In, NotIn, Exists or DoesNotExist; a key and an operator in each requirement) and bounds, so that the
 * API server refuses a malformed selector as it refuses one in a Deployment. The fields keep Fabric8's
 * {@code LabelSelector}.
 */
public final class LabelSelectorSchema {

    @Size(max = 32)
    @JsonPropertyDescription("Requirements, all of which must hold.")
    public List<Requirement> matchExpressions;

    @Size(max = 32)
    @JsonPropertyDescription("Labels, each of which must be present with this value.")
    public Map<String, @Size(max = 63) String> matchLabels;

    private LabelSelectorSchema() {
    }

    /** One requirement of a selector. */
    public static final class Requirement {

        @Required
        @Size(min = 1, max = 317)
        @JsonPropertyDescription("The label key: an optional DNS subdomain prefix and a slash, then a name.")
        public String key;

        @Required
        @JsonPropertyDescription("In, NotIn, Exists or DoesNotExist.")
        public Operator operator;

        @Size(max = 64)
        @JsonPropertyDescription("The values; required by In and NotIn, refused by Exists and DoesNotExist.")
        public List<@Size(max = 63) String> values;

        private Requirement() {
        }
    }

    /** The operators Kubernetes accepts in a label selector. */
    public enum Operator {
        In, NotIn, Exists, DoesNotExist
    }
}
