package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure comparison of the user fields a spec declares with what the provider holds. A field the spec leaves out is
 * not managed. The provider's value is the subscriber's where the subscriber record carries the field, else the
 * person's once there is one; a field neither reports yet is not compared (a Wholesale user before it is
 * provisioned).
 */
public final class UserFields {

    /** A declared field the provider holds differently. */
    public record Difference(UserField field, String declared, String held) {

        @Override
        public String toString() {
            return path(field) + " " + (held == null ? "(none)" : held) + " -> " + declared;
        }
    }

    private UserFields() {
    }

    /** The spec field, for messages. */
    public static String path(UserField field) {
        return switch (field) {
            case EMAIL -> "spec.email";
            case USER_ID -> "spec.broadworks.userId";
            case FIRST_NAME -> "spec.firstName";
            case LAST_NAME -> "spec.lastName";
            case DISPLAY_NAME -> "spec.displayName";
            case PACKAGE -> "spec.package";
            case PHONE_NUMBER -> "spec.phoneNumber";
            case EXTENSION -> "spec.extension";
            case LOCATION -> "spec.locationId";
            case USAGE_LOCATION -> "spec.usageLocation";
            case PREFERRED_SITE -> "spec.preferredWebexSite";
        };
    }

    /** The fields whose change goes to the provider after creation; the identity fields are compared elsewhere. */
    private static final Set<UserField> KEPT = EnumSet.complementOf(EnumSet.of(UserField.EMAIL, UserField.USER_ID));

    /**
     * The declared fields that differ from the provider's values, in the order of {@link UserField}. A field of the
     * phone line is compared only while the user's package gives one: before, it is what a change to such a package
     * sends.
     */
    public static List<Difference> differences(CustomerUserSpec spec, UserModel model, RemoteUser subscriber,
            Optional<RemotePerson> person) {
        List<Difference> differences = new ArrayList<>();
        boolean hasLine = subscriber.packageName() != null && model.callingPackages().contains(subscriber.packageName());
        for (UserField field : KEPT) {
            String declared = declared(spec, field);
            if (declared == null || model.lineFields().contains(field) && !hasLine) {
                continue;
            }
            Optional<String> held = held(field, subscriber, person);
            if (held != null && !same(field, declared, held.orElse(null))) {
                differences.add(new Difference(field, declared, held.orElse(null)));
            }
        }
        return differences;
    }

    /**
     * Why the differences no API of the provider mends cannot converge, naming each field and what a person does
     * instead; null when there are none.
     */
    public static String unmendable(List<Difference> differences, UserModel model, Set<UserField> people) {
        List<Difference> left = differences.stream().filter(d -> !model.updatable().contains(d.field())
                && !people.contains(d.field())).toList();
        if (left.isEmpty()) {
            return null;
        }
        return left.stream().map(d -> d + ": " + model.manualSteps().getOrDefault(d.field(), "the provider has no "
                + "API that changes it after the user is created.")).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The differences one API can mend. */
    public static List<Difference> through(List<Difference> differences, Set<UserField> fields) {
        return differences.stream().filter(d -> fields.contains(d.field())).toList();
    }

    /** The people-API change that mends these differences; null when there is none. */
    public static PersonChange personChange(List<Difference> differences) {
        if (differences.isEmpty()) {
            return null;
        }
        return new PersonChange(value(differences, UserField.FIRST_NAME), value(differences, UserField.LAST_NAME),
                value(differences, UserField.DISPLAY_NAME), value(differences, UserField.PREFERRED_SITE),
                value(differences, UserField.PHONE_NUMBER), value(differences, UserField.EXTENSION), null, null);
    }

    /**
     * Why an edited {@code spec.email} cannot reach the provider (no API changes a subscriber's address); null when
     * it is unchanged, or when the user waits in a state that onboarding again with the new address resolves.
     */
    public static String emailRefusal(CustomerUserSpec spec, RemoteUser user) {
        if (spec.getEmail() == null || user.email() == null || spec.getEmail().equalsIgnoreCase(user.email())
                || Annotations.RETRYABLE.contains(user.state())) {
            return null;
        }
        return "spec.email: the provider cannot change the address of an onboarded user; it holds "
                + user.email() + ". Set spec.email back to it, or delete this CustomerUser and create one for "
                + "the new address.";
    }

    /** The spec's value of a field; null when it is not declared. */
    public static String declared(CustomerUserSpec spec, UserField field) {
        String value = switch (field) {
            case EMAIL -> spec.getEmail();
            case USER_ID -> spec.getBroadworks() == null ? null : spec.getBroadworks().getUserId();
            case FIRST_NAME -> spec.getFirstName();
            case LAST_NAME -> spec.getLastName();
            case DISPLAY_NAME -> spec.getDisplayName();
            case PACKAGE -> spec.getPackageName();
            case PHONE_NUMBER -> spec.getPhoneNumber();
            case EXTENSION -> spec.getExtension();
            case LOCATION -> spec.getLocationId();
            case USAGE_LOCATION -> spec.getUsageLocation();
            case PREFERRED_SITE -> spec.getPreferredWebexSite();
        };
        return value == null || value.isBlank() ? null : value;
    }

    /** The provider's value (empty: it holds none); null when neither the subscriber nor a person tells. */
    public static Optional<String> held(UserField field, RemoteUser subscriber, Optional<RemotePerson> person) {
        if (field == UserField.PACKAGE) {
            return Optional.ofNullable(subscriber.packageName());
        }
        String own = detail(subscriber.details(), field);
        if (own != null) {
            return Optional.of(own);
        }
        return person.map(p -> Optional.ofNullable(detail(p.details(), field))).orElse(null);
    }

    private static String detail(UserDetails details, UserField field) {
        if (details == null) {
            return null;
        }
        return switch (field) {
            case FIRST_NAME -> details.firstName();
            case LAST_NAME -> details.lastName();
            case DISPLAY_NAME -> details.displayName();
            case PHONE_NUMBER -> details.phoneNumber();
            case EXTENSION -> details.extension();
            case LOCATION -> details.locationId();
            case USAGE_LOCATION -> details.usageLocation();
            case PREFERRED_SITE -> details.preferredSite();
            case PACKAGE, EMAIL, USER_ID -> null;
        };
    }

    /** Phone numbers compare by their digits and the leading +: the provider may format them ("+1-240-555-1212"). */
    static boolean same(UserField field, String declared, String held) {
        if (held == null) {
            return false;
        }
        if (field == UserField.PHONE_NUMBER) {
            return digits(declared).equals(digits(held));
        }
        if (field == UserField.PREFERRED_SITE) {
            return declared.equalsIgnoreCase(held);
        }
        return declared.equals(held);
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^+0-9]", "");
    }

    private static String value(List<Difference> differences, UserField field) {
        return differences.stream().filter(d -> d.field() == field).map(Difference::declared).findFirst().orElse(null);
    }
}
