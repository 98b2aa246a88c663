package dev.partnerhub.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentStatus;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.Seats;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.TestConfig;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resource gauges count what the caches hold: per namespace, per customer only when asked, never per user. */
class ResourceGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CustomerUser> users = new ArrayList<>();
    private final List<LicenseAssignment> assignments = new ArrayList<>();
    private final List<ResourceGauges> started = new ArrayList<>();

    @Test
    void usersAreCountedByStateStalledByReasonAndLicencesByStatePerNamespace() {
        ResourceGauges gauges = gauges(false);
        users.add(user("acme", "ann", ActivationState.Provisioned, "Contact center Standard Agent", null));
        users.add(user("acme", "bob", ActivationState.Provisioned, "Contact center Standard Agent", null));
        users.add(user("globex", "cat", ActivationState.PendingEmailInput, null, null));
        users.add(user("globex", "dan", null, null, "InvalidSpec"));
        gauges.refresh();

        assertThat(series("partnerhub.users")).containsOnly(Map.entry("ns,Provisioned", 2.0),
                Map.entry("ns,PendingEmailInput", 1.0), Map.entry("ns,Unknown", 1.0));
        assertThat(series("partnerhub.users.stalled")).containsOnly(Map.entry("ns,InvalidSpec", 1.0));
        assertThat(series("partnerhub.user.licenses")).containsOnly(
                Map.entry("Contact center Standard Agent,ns,Active", 2.0));

        Gauge provisioned = registry.get("partnerhub.users").tag("state", "Provisioned").gauge();
        users.add(user("acme", "eve", ActivationState.Provisioned, null, null));
        gauges.refresh();
        assertThat(registry.get("partnerhub.users").tag("state", "Provisioned").gauge())
                .as("the same meter, never removed between two scrapes").isSameAs(provisioned)
                .satisfies(g -> assertThat(g.value()).isEqualTo(3.0));

        users.clear();
        gauges.refresh();
        assertThat(series("partnerhub.users")).as("a state no user is in any more has no series").isEmpty();
    }

    @Test
    void perCustomerTheGaugesCarryTheCustomerAndSeatsAreTheFewestLeft() {
        ResourceGauges gauges = gauges(true);
        users.add(user("acme", "ann", ActivationState.Provisioned, null, null));
        users.add(user("globex", "cat", ActivationState.Provisioned, null, null));
        assignments.add(assignment("acme", 3));
        assignments.add(assignment("globex", 0));
        gauges.refresh();
        assertThat(series("partnerhub.users")).containsOnly(Map.entry("acme,ns,Provisioned", 1.0),
                Map.entry("globex,ns,Provisioned", 1.0));
        assertThat(series("partnerhub.license.seats.available")).containsOnly(Map.entry("acme,Agent,ns", 3.0),
                Map.entry("globex,Agent,ns", 0.0));

        SimpleMeterRegistry other = new SimpleMeterRegistry();
        ResourceGauges perNamespace = new ResourceGauges(other, TestConfig.defaults());
        started.add(perNamespace);
        perNamespace.watchAssignments(cache(assignments));
        perNamespace.refresh();
        assertThat(other.get("partnerhub.license.seats.available").gauges()).singleElement()
                .satisfies(g -> assertThat(g.value()).as("the fewest seats left among the customers").isZero());
    }

    @AfterEach
    void stop() {
        started.forEach(ResourceGauges::stop);
    }

    private ResourceGauges gauges(boolean perCustomer) {
        ResourceGauges gauges = new ResourceGauges(registry, TestConfig.with(Map.of("partnerhub.metrics.per-customer",
                String.valueOf(perCustomer))));
        started.add(gauges);
        gauges.watchUsers(cache(users));
        gauges.watchAssignments(cache(assignments));
        return gauges;
    }

    /** Each series of a gauge: its tag values in the tags' order, and its value. */
    private Map<String, Double> series(String name) {
        return registry.find(name).gauges().stream().collect(Collectors.toMap(g -> g.getId().getTags().stream()
                .map(t -> t.getValue()).collect(Collectors.joining(",")), Gauge::value));
    }

    private static CustomerUser user(String customer, String name, ActivationState state, String licence,
            String stalled) {
        CustomerUser user = Fixtures.user("ns", name, customer, name + "@" + customer + ".example.com",
                "webex_meetings", null);
        CustomerUserStatus status = new CustomerUserStatus();
        if (state != null) {
            Activation activation = new Activation();
            activation.setState(state);
            status.setActivation(activation);
        }
        if (licence != null) {
            UserLicense entry = new UserLicense();
            entry.setLicense(licence);
            entry.setState(LicenseState.Active);
            status.getLicenses().add(entry);
        }
        if (stalled != null) {
            status.getConditions().add(new ConditionBuilder().withType("Stalled").withStatus("True")
                    .withReason(stalled).build());
        }
        user.setStatus(status);
        return user;
    }

    private static LicenseAssignment assignment(String customer, int available) {
        LicenseAssignment assignment = Fixtures.assignment("ns", customer + "-agents", customer, "Agent",
                LicenseMode.Additive, List.of(), null);
        LicenseAssignmentStatus status = new LicenseAssignmentStatus();
        Seats seats = new Seats();
        seats.setAvailable(available);
        status.setSeats(seats);
        assignment.setStatus(status);
        return assignment;
    }

    private static <T extends HasMetadata> ResourceCache<T> cache(List<T> items) {
        return new ResourceCache<>() {
            @Override
            public Stream<T> list(String namespace, Predicate<T> predicate) {
                return list(predicate).filter(i -> namespace.equals(i.getMetadata().getNamespace()));
            }

            @Override
            public Optional<T> get(ResourceID id) {
                return list(i -> true).filter(i -> ResourceID.fromResource(i).equals(id)).findFirst();
            }

            @Override
            public Stream<ResourceID> keys() {
                return list(i -> true).map(ResourceID::fromResource);
            }

            @Override
            public Stream<T> list(Predicate<T> predicate) {
                return List.copyOf(items).stream().filter(predicate);
            }
        };
    }
}
