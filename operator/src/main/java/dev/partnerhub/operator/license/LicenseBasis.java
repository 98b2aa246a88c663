package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a user's licences were planned from, as a digest kept in {@code status.licensesBasis}: the user's generation
 * and labels, and each LicenseAssignment of its customer (name, UID, generation, whether it is being deleted). The
 * org's licence catalogue is not in it: its names and IDs seldom change, and an addition reads it again first.
 *
 * <p>A restarted operator holds no catalogue. A user whose basis is unchanged and whose status lists exactly the
 * licences its person holds, all Active, was converged from these same inputs: its status can stand in for the
 * catalogue for one catalogue period, so that a restart reads one people list per org and not a catalogue too.
 */
public final class LicenseBasis {

    /** How status.licenses credits a licence to the user's package. */
    static final String PACKAGE = "package";

    private LicenseBasis() {
    }

    /** The digest of the inputs of the user's licence plan. */
    public static String of(CustomerUser user, Collection<LicenseAssignment> assignments) {
        StringBuilder inputs = new StringBuilder();
        inputs.append(user.getMetadata().getGeneration()).append('\n');
        new TreeMap<>(Objects.requireNonNullElse(user.getMetadata().getLabels(), Map.<String, String>of()))
                .forEach((k, v) -> inputs.append(k).append('=').append(v).append('\n'));
        assignments.stream().filter(a -> LicenseSelection.sameCustomer(a, user))
                .sorted(Comparator.comparing(a -> a.getMetadata().getName()))
                .forEach(a -> inputs.append(a.getMetadata().getName()).append(' ').append(a.getMetadata().getUid())
                        .append(' ').append(a.getMetadata().getGeneration()).append(' ')
                        .append(LicenseSelection.live(a)).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /**
     * What a plan takes from the org's catalogue: its licences, and those of them the user's package brings.
     *
     * @param packageIds the IDs of the package's licences (a provider may know a package's licence by more than its
     *                   name: Webex's meetings licence by its site)
     */
    public record Catalogue(List<RemoteLicense> licenses, Set<String> packageIds) {
    }

    /**
     * The licences the user's status lists, as a catalogue, when they can stand in for the org's: the status was
     * planned from {@code basis}, and lists exactly the licences held, all Active. The package's licences are those
     * the status credits to the package.
     */
    public static Optional<Catalogue> settled(CustomerUser user, String basis, Collection<String> held) {
        if (user.getStatus() == null || !basis.equals(user.getStatus().getLicensesBasis())) {
            return Optional.empty();
        }
        List<UserLicense> listed = user.getStatus().getLicenses();
        Set<String> ids = new HashSet<>();
        for (UserLicense l : listed) {
            if (l.getLicenseId() == null || l.getState() != LicenseState.Active || !ids.add(l.getLicenseId())) {
                return Optional.empty();
            }
        }
        if (!ids.equals(Set.copyOf(held))) {
            return Optional.empty();
        }
        // The seat counts are unknown here: a plan that adds a licence reads the catalogue first.
        return Optional.of(new Catalogue(listed.stream().map(l -> new RemoteLicense(l.getLicenseId(), l.getLicense(),
                0, 0)).toList(), listed.stream().filter(l -> PACKAGE.equals(l.getAssignedBy()))
                        .map(UserLicense::getLicenseId).collect(Collectors.toSet())));
    }
}
