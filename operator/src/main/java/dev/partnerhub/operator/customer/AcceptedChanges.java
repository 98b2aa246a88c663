package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.PackageChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A package list the provider accepted is not sent again while the provider applies it (Webex answers a change and
 * applies it afterwards): only once a wait has passed with the old list still shown, each wait twice the one before
 * (up to a bound, with up to half as long again at random), recorded in {@code status.packageChange}.
 */
final class AcceptedChanges {

    private AcceptedChanges() {
    }

    /** Whether the list is due to be sent: never sent, another list, or its wait passed. */
    static boolean due(CustomerStatus status, List<String> packages, Instant now) {
        PackageChange sent = status.getPackageChange();
        return sent == null || !sent.getPackages().equals(packages) || !now.isBefore(Instant.parse(sent
                .getResendAfter()));
    }

    /** Records that the list was sent now, and when it is sent again if it does not show. */
    static void sent(CustomerStatus status, List<String> packages, Instant now, Duration first, Duration longest) {
        PackageChange before = status.getPackageChange();
        int attempts = before != null && before.getPackages().equals(packages) ? before.getAttempts() + 1 : 1;
        Duration wait = first.multipliedBy(1L << Math.min(attempts - 1, 20));
        wait = wait.compareTo(longest) > 0 ? longest : wait;
        wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1));
        status.setPackageChange(new PackageChange(packages, now.toString(), attempts, now.plus(wait).toString()));
    }

    /** What the Customer says while the provider applies the list. */
    static String message(CustomerStatus status, List<String> shown) {
        PackageChange sent = status.getPackageChange();
        return "The hub accepted the package list " + sent.getPackages() + " at " + sent.getSentAt() + (sent
                .getAttempts() > 1 ? " (sent " + sent.getAttempts() + " times)" : "") + " and is applying it; it is "
                + "sent again at " + sent.getResendAfter() + " if the hub still shows " + shown + ".";
    }
}
