package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ContactCenterSync;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.ContactCenter;
import dev.partnerhub.providers.spi.auth.Redaction;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemotePerson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Seed 004's step after a Contact Center licence or role change: synchronise the user with Contact Center. One sync
 * per change: the status remembers what the last sync was for, so a restart or a resync does not sync again. An
 * invalid sync is retried once; after a second, the status says a support request is needed, and nothing is tried
 * again until the user's Contact Center licences or roles change.
 */
@ApplicationScoped
public class ContactCenterSyncs {

    static final int ATTEMPTS = 2;
    static final String NONE = "(none)";
    private static final Logger LOG = Logger.getLogger(ContactCenterSyncs.class);

    private final LicenseDirectory directory;
    private final OperatorConfig config;
    private final Clock clock;
    /**
     * The last sync made for each user (by UID), in case its status write was lost to a conflict: the status is
     * the memory across restarts, this one within the process.
     */
    private final Map<String, ContactCenterSync> made = new ConcurrentHashMap<>();

    public ContactCenterSyncs(LicenseDirectory directory, OperatorConfig config, Clock clock) {
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /** Forgets a deleted user's last sync. */
    public void forget(String userUid) {
        made.remove(userUid);
    }

    /** Syncs the user when its Contact Center licences or roles changed since the last sync; returns when to look again. */
    public Duration reconcile(CustomerUser user, Resolved target, CustomerUserStatus status, Conditions conditions) {
        if (!target.capabilities().has(Feature.CONTACT_CENTER) || status.getPersonId() == null
                || target.orgId() == null) {
            return null;
        }
        Optional<RemotePerson> person = directory.person(target, status.getPersonId());
        if (person.isEmpty()) {
            return null;
        }
        ContactCenter contactCenter = target.provider().contactCenter();
        String holds = holds(contactCenter, person.get(), status);
        ContactCenterSync last = made.getOrDefault(user.getMetadata().getUid(), status.getContactCenter());
        if (last == null && holds.equals(NONE)) {
            // Never a Contact Center user: nothing to synchronise.
            return null;
        }
        boolean changed = last == null || !holds.equals(last.getSyncedFor());
        if (!changed) {
            // Nothing to sync again (valid, or the support request is due); else the one retry of an invalid sync
            // waits a while: a back-end failure is seldom over at once.
            boolean done = valid(last) || last.getAttempts() >= ATTEMPTS;
            Duration wait = done ? null : Duration.between(clock.instant(), Instant.parse(last.getLastSyncTime())
                    .plus(config.polling().pending()));
            if (done || !wait.isNegative() && !wait.isZero()) {
                status.setContactCenter(last);
                report(last, conditions);
                return wait;
            }
        }
        ContactCenter.Sync sync = contactCenter.sync(target.orgId(), status.getPersonId());
        ContactCenterSync next = new ContactCenterSync();
        next.setSyncedFor(holds);
        next.setSyncStatus(sync.status());
        next.setAttempts(changed ? 1 : last.getAttempts() + 1);
        next.setLastSyncTime(clock.instant().toString());
        next.setTrackingId(sync.trackingId());
        if (!sync.valid()) {
            next.setMessage(Redaction.apply(message(next, sync)));
        }
        status.setContactCenter(next);
        made.put(user.getMetadata().getUid(), next);
        LOG.infof("CustomerUser %s/%s: Contact Center sync for %s: %s (attempt %d)", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), holds, sync.status(), next.getAttempts());
        report(next, conditions);
        return !sync.valid() && next.getAttempts() < ATTEMPTS ? config.polling().pending() : null;
    }

    /**
     * The Contact Center licences and roles the person holds, by name, in a stable order: the licences' names are
     * those of {@code status.licenses}, which this reconcile wrote from the org's catalogue just before.
     */
    static String holds(ContactCenter contactCenter, RemotePerson person, CustomerUserStatus status) {
        List<String> names = new ArrayList<>(status.getLicenses().stream()
                .filter(l -> l.getLicenseId() != null && person.licenses().contains(l.getLicenseId()))
                .map(UserLicense::getLicense).filter(contactCenter::covers).sorted().toList());
        if (status.getGrantedRoles() != null) {
            names.addAll(status.getGrantedRoles().stream().sorted().toList());
        }
        return names.isEmpty() ? NONE : String.join(", ", names);
    }

    private static boolean valid(ContactCenterSync sync) {
        return sync.getMessage() == null;
    }

    private static String message(ContactCenterSync sync, ContactCenter.Sync result) {
        String what = "The Contact Center sync of this user is " + result.status()
                + (result.description() == null ? "" : " (" + result.description() + ")");
        return sync.getAttempts() < ATTEMPTS ? what + "; the operator syncs it once more."
                : what + " again after a retry: open a support request with the provider, quoting tracking ID "
                        + result.trackingId() + ". The operator syncs the user again when its Contact Center "
                        + "licences or roles change.";
    }

    private static void report(ContactCenterSync sync, Conditions conditions) {
        if (valid(sync)) {
            return;
        }
        UserReason reason = sync.getAttempts() < ATTEMPTS ? UserReason.ContactCenterSyncInvalid
                : UserReason.ContactCenterSupportNeeded;
        conditions.ready(false, reason, sync.getMessage()).synced(false, reason, sync.getMessage());
        if (sync.getAttempts() >= ATTEMPTS) {
            conditions.stalled(reason, sync.getMessage());
        }
    }
}
