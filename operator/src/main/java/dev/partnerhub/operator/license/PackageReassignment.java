package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seed 000's remedy for a user whose services do not work: unassign the user's package, then assign it again. The
 * package's licences are taken away in one request and given back in the next, with the user's number, extension
 * and location; the licences the user holds besides the package's are not touched.
 */
@ApplicationScoped
public class PackageReassignment {

    /** What the reassignment did: the licences taken away and given back, and those the provider refused back. */
    public record Outcome(List<String> reassigned, List<String> refused, String refusal) {
    }

    private final LicenseDirectory directory;

    public PackageReassignment(LicenseDirectory directory) {
        this.directory = directory;
    }

    /** Empty when the user's person or package licences are not known yet (nothing to reassign). */
    public Optional<Outcome> reassign(CustomerUser user, Resolved target, String personId, String packageName) {
        if (personId == null || packageName == null || target.orgId() == null) {
            return Optional.empty();
        }
        Optional<RemotePerson> person = directory.person(target.connection(), target.provider(), target.orgId(),
                personId);
        Licensing licensing = target.provider().licensing();
        List<RemoteLicense> catalog = directory.licenses(target.connection(), target.provider(), target.orgId());
        List<RemoteLicense> held = target.capabilities().catalogue().packageLicenses(packageName, catalog).stream()
                .filter(l -> person.map(p -> p.licenses().contains(l.id())).orElse(false)).toList();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        licensing.changeLicenses(target.orgId(), personId, held.stream().map(l -> LicenseChange.remove(l.id()))
                .toList());
        LicenseUpdate back = licensing.changeLicenses(target.orgId(), personId, held.stream()
                .map(l -> new LicenseChange(l.id(), true, user.getSpec().getPhoneNumber(),
                        user.getSpec().getExtension(), user.getSpec().getLocationId())).toList());
        if (back.licenses() != null) {
            directory.changed(target.connection(), target.orgId(), person.get().withLicenses(back.licenses()));
        }
        List<String> refused = held.stream().filter(l -> back.refused().containsKey(l.id())).map(RemoteLicense::name)
                .toList();
        String refusal = back.refused().values().stream().map(LicenseRefusal::error)
                .map(e -> e.code() + " " + e.description()).collect(Collectors.joining("; "));
        return Optional.of(new Outcome(held.stream().map(RemoteLicense::name).sorted().toList(), refused,
                refused.isEmpty() ? null : refusal));
    }
}
