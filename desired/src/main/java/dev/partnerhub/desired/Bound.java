package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.BoundStatus;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;

/**
 * The value a field had when the operator first saw a resource (recorded in {@code status.createdWith}), else its
 * current value: what look-ups and deletion follow, whatever an edit says since.
 */
public final class Bound {

    public static final String CUSTOMER_REF = "spec.customerRef.name";

    private Bound() {
    }

    public static String value(CustomResource<?, ? extends BoundStatus> resource, String path, String current) {
        Map<String, String> recorded = resource.getStatus() == null ? null : resource.getStatus().getCreatedWith();
        String was = recorded == null ? null : recorded.get(path);
        return was == null ? current : was.isEmpty() ? null : was;
    }

    /** The name of the Customer a user was created for. */
    public static String customerName(CustomerUser user) {
        return value(user, CUSTOMER_REF, user.getSpec().getCustomerRef().getName());
    }

    /** The name of the Customer an assignment was created for. */
    public static String customerName(LicenseAssignment assignment) {
        return value(assignment, CUSTOMER_REF, assignment.getSpec().getCustomerRef().getName());
    }
}
