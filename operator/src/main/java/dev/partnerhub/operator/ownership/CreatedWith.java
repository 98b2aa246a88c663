package dev.partnerhub.operator.ownership;

import dev.partnerhub.api.v1alpha1.BoundStatus;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.desired.Bound;
import dev.partnerhub.desired.ConnectionSpecs;
import dev.partnerhub.desired.CustomerFields;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.UserField;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fields that cannot change after creation, the same ones the CRDs' validation rules guard: recorded in
 * {@code status.createdWith} when the operator first sees a resource, then compared on every reconcile, so that an
 * edit is refused where no admission runs (the mock API, a cluster that skipped the rules) and nothing leaks.
 */
public final class CreatedWith {

    static final String CUSTOMER_REF = Bound.CUSTOMER_REF;
    static final String CONNECTION_NAME = "spec.connectionRef.name";
    static final String CONNECTION_NAMESPACE = "spec.connectionRef.namespace";

    /**
     * One such field as the spec has it now. {@code value} is null when absent. A set-once field may be set later
     * when it was absent at creation; any other field must stay exactly as it was (absent included). {@code fix} says
     * what to do instead of the change; null: set it back or make a new resource.
     */
    public record Field(String path, String value, boolean setOnce, String fix) {

        public Field(String path, String value, boolean setOnce) {
            this(path, value, setOnce, null);
        }
    }

    /**
     * Webex takes a customer's calling location with the call that provisions calling, and Cisco's files document no
     * call that changes it afterwards (a location sent again is not how one is changed).
     */
    static final String CALLING_LOCATION_FIX = "Webex takes the calling location when it provisions calling and "
            + "changes it in Control Hub (Calling, Locations): change it there, and set this back.";

    /** A connection's provider and model: its Customers and users were made there. */
    static final String CONNECTION_FIX = "The connection's Customers and users live in that account and model: set "
            + "it back, and create a new PartnerConnection for the other one.";

    private CreatedWith() {
    }

    public static List<Field> of(Customer customer) {
        CustomerSpec spec = customer.getSpec();
        return List.of(
                new Field(CONNECTION_NAME, spec.getConnectionRef().getName(), false),
                new Field(CONNECTION_NAMESPACE, spec.getConnectionRef().getNamespace(), false),
                customerField(spec, CustomerField.EXTERNAL_ID, true),
                customerField(spec, CustomerField.ATTACH_ORG_ID, false),
                customerField(spec, CustomerField.ENTERPRISE_ID, true),
                customerField(spec, CustomerField.TENANT_ID, true),
                new Field(CustomerFields.path(CustomerField.CALLING_LOCATION), CustomerFields.callingLocation(spec),
                        true, CALLING_LOCATION_FIX));
    }

    public static List<Field> of(CustomerUser user) {
        return List.of(
                new Field(CUSTOMER_REF, user.getSpec().getCustomerRef().getName(), false),
                new Field(UserFields.path(UserField.USER_ID), UserFields.declared(user.getSpec(), UserField.USER_ID),
                        true));
    }

    private static Field customerField(CustomerSpec spec, CustomerField field, boolean setOnce) {
        return new Field(CustomerFields.path(field), CustomerFields.value(spec, field), setOnce);
    }

    /**
     * A connection's provider and Webex model: its Customers and users were made in that account and model. The
     * model is recorded as it takes effect (wholesale when a Webex connection names none).
     */
    public static List<Field> of(PartnerConnection connection) {
        PartnerConnectionSpec spec = connection.getSpec();
        String kind = ConnectionSpecs.kind(spec);
        String model = !"webex".equals(kind) ? null : spec.getWebex() == null || spec.getWebex().getModel() == null
                ? WebexModel.WHOLESALE.value() : spec.getWebex().getModel().value();
        return List.of(new Field("spec.provider", kind, false, CONNECTION_FIX),
                new Field("spec.webex.model", model, false, CONNECTION_FIX));
    }

    public static List<Field> of(LicenseAssignment assignment) {
        return List.of(new Field(CUSTOMER_REF, assignment.getSpec().getCustomerRef().getName(), false));
    }

    /**
     * What {@code status.createdWith} should hold: what it held, plus the fields not recorded yet (all of them on
     * first sight; a set-once field when it is set later). An absent field is recorded as an empty string, so
     * that setting it later counts as a change, unless it may be set once.
     */
    public static Map<String, String> record(Map<String, String> recorded, List<Field> current) {
        Map<String, String> result = new TreeMap<>(recorded == null ? Map.of() : recorded);
        boolean firstSight = recorded == null;
        for (Field field : current) {
            if (result.containsKey(field.path())) {
                continue;
            }
            if (field.value() != null) {
                result.put(field.path(), field.value());
            } else if (firstSight && !field.setOnce()) {
                result.put(field.path(), "");
            }
        }
        return result;
    }

    /** Each field that changed since creation, naming it, its old and new value, and the fix; empty when none did. */
    public static List<String> changes(Map<String, String> recorded, List<Field> current, String kind) {
        List<String> problems = new ArrayList<>();
        if (recorded == null) {
            return problems;
        }
        for (Field field : current) {
            String was = recorded.get(field.path());
            String now = field.value() == null ? "" : field.value();
            if (was != null && !was.equals(now) && field.fix() != null) {
                problems.add(field.path() + ": cannot change once set (it was " + shown(was) + ", now " + shown(now)
                        + "). " + field.fix());
            } else if (was != null && !was.equals(now)) {
                problems.add(field.path() + ": cannot change after creation (it was " + shown(was) + ", now "
                        + shown(now) + "). Set it back" + (was.isEmpty() ? "" : " to " + was) + ", or delete this "
                        + kind + " and create a new one.");
            }
        }
        return problems;
    }

    /**
     * The first step of every reconcile: records the fields on first sight and, when one changed since, states
     * Stalled {@code ImmutableFieldChanged} naming it. Returns whether the reconcile must stop there, before any call
     * to the provider.
     */
    public static boolean refuseChanges(BoundStatus status, List<Field> current, String kind, Conditions conditions) {
        Optional<String> refusal = refusal(status, current, kind);
        refusal.ifPresent(message -> conditions.stall(CommonReason.ImmutableFieldChanged, message));
        return refusal.isPresent();
    }

    /**
     * Records the fields on first sight and, when one changed since, says which, for Stalled
     * {@code ImmutableFieldChanged}: the reconcile stops there, before any call to the provider.
     */
    public static Optional<String> refusal(BoundStatus status, List<Field> current, String kind) {
        List<String> changes = changes(status.getCreatedWith(), current, kind);
        status.setCreatedWith(record(status.getCreatedWith(), current));
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", changes));
    }

    /** The value a field had at creation, else its current value: what deletion and look-ups must follow. */
    public static String bound(CustomResource<?, ? extends BoundStatus> resource, String path, String current) {
        return Bound.value(resource, path, current);
    }

    /** The name of the Customer a user or assignment was created for. */
    public static String customerName(CustomerUser user) {
        return Bound.customerName(user);
    }

    public static String customerName(LicenseAssignment assignment) {
        return Bound.customerName(assignment);
    }

    /** The PartnerConnection a Customer was created with: its name and the namespace as written (null: its own). */
    public static String connectionName(Customer customer) {
        return bound(customer, CONNECTION_NAME, customer.getSpec().getConnectionRef().getName());
    }

    public static String connectionNamespace(Customer customer) {
        return bound(customer, CONNECTION_NAMESPACE, customer.getSpec().getConnectionRef().getNamespace());
    }

    /** The PartnerConnection a Customer was created with; its namespace defaults to the Customer's. */
    public static ResourceID connectionId(Customer customer) {
        String namespace = connectionNamespace(customer);
        return new ResourceID(connectionName(customer), namespace == null || namespace.isBlank()
                ? customer.getMetadata().getNamespace() : namespace);
    }

    /** The same, as the registry's key: namespace/name. */
    public static String connectionKey(Customer customer) {
        ResourceID id = connectionId(customer);
        return id.getNamespace().orElseThrow() + "/" + id.getName();
    }

    private static String shown(String value) {
        return value.isEmpty() ? "not set" : value;
    }
}
