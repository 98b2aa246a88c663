package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderBusyException;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.ProviderOutageException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * What a failed reconcile writes: Synced=False with the provider's exact error. The resource is then looked at again
 * by itself, never left until an unrelated event: after what the failure says (a Retry-After longer than the client
 * would wait, jittered; a refused token, which the PartnerConnection reports, after a while), or else after a wait that
 * grows with how long it has been failing, jittered, so that resources that failed together come back apart.
 */
public final class ErrorStatus {

    /** The shortest and the longest wait before a failed resource is looked at again. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private ErrorStatus() {
    }

    /**
     * @param type         the resource's status type
     * @param recordErrors stores the provider's errors in the status
     */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> ErrorStatusUpdateControl<P> of(
            Context<P> context, P resource, Exception e, Class<S> type, StatusRounds rounds, Duration blocked,
            BiConsumer<S, ProviderException> recordErrors) {
        e = cause(e);
        if (e instanceof StatusConflictException) {
            // Nothing to report: the newer resource is reconciled next, with the framework's retry.
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        if (e instanceof ProviderBusyException busy) {
            // Nothing happened at the provider: handed back, looked at again shortly, its status as it was.
            return ErrorStatusUpdateControl.<P>noStatusUpdate().withNoRetry().rescheduleAfter(
                    jittered(busy.retryAfter()));
        }
        S previous = resource.getStatus();
        StatusRound<S, P> round = rounds.open(context, resource, type);
        S status = round.status();
        Conditions conditions = round.conditions();
        Duration rescheduleInstead = null;
        if (e instanceof ProviderAuthenticationException auth) {
            String message = "The provider refused the connection's token: " + StatusSupport.firstDescription(auth)
                    + " See the PartnerConnection's status.";
            conditions.ready(false, CommonReason.ConnectionUnauthorized, message).synced(false,
                    CommonReason.ConnectionUnauthorized, message);
            recordErrors.accept(status, auth);
            rescheduleInstead = blocked;
        } else if (e instanceof ProviderException pe) {
            String told = sameOutage(previous, pe);
            if (told != null) {
                // The same outage, told once: its first message and errors stand until the provider answers.
                conditions.synced(false, CommonReason.ProviderUnavailable, told);
            } else {
                conditions.synced(false, CommonReason.ProviderUnavailable, pe.getMessage());
                recordErrors.accept(status, pe);
            }
            rescheduleInstead = pe instanceof ProviderUnavailableException u ? u.retryAfter() : null;
        } else {
            conditions.synced(false, CommonReason.ReconcileError, "Reconcile failed: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
        // Each of these is retried by the operator (In progress): a Stalled from an earlier round no longer holds.
        conditions.notStalled();
        round.write();
        Instant now = rounds.clock().instant();
        Duration next = rescheduleInstead != null ? jittered(rescheduleInstead)
                : backoff(failingSince(previous, now), now);
        return ErrorStatusUpdateControl.<P>noStatusUpdate().withNoRetry().rescheduleAfter(next);
    }

    /** Since when the resource has been failing: its Synced condition's turn to False, or now. */
    private static Instant failingSince(ConditionedStatus previous, Instant now) {
        return Conditions.find(previous == null ? null : previous.getConditions(), Conditions.SYNCED)
                .filter(c -> "False".equals(c.getStatus()) && c.getLastTransitionTime() != null)
                .map(c -> Instant.parse(c.getLastTransitionTime())).filter(t -> t.isBefore(now)).orElse(now);
    }

    /**
     * The message the status already tells of this outage: a call refused because the connection's provider is down,
     * by a resource whose Synced turned False with the outage's first failures or after; null otherwise (another
     * failure, or one from before the outage, is told anew).
     */
    private static String sameOutage(ConditionedStatus previous, ProviderException e) {
        if (!(e instanceof ProviderOutageException outage) || previous == null) {
            return null;
        }
        return Conditions.find(previous.getConditions(), Conditions.SYNCED)
                .filter(c -> "False".equals(c.getStatus()) && CommonReason.ProviderUnavailable.is(c.getReason()))
                .filter(c -> c.getLastTransitionTime() != null && !Instant.parse(c.getLastTransitionTime())
                        .isBefore(outage.failingSince().truncatedTo(ChronoUnit.SECONDS)))
                .map(c -> c.getMessage()).orElse(null);
    }

    /**
     * The wait after a failure that says nothing of when to come back: as long as the resource has been failing (so
     * about twice the one before), from {@link #FIRST_WAIT} to {@link #LONGEST_WAIT}, of which a random share from half
     * to all is taken ("equal jitter"): resources that failed together come back apart, and none waits longer than
     * {@link #LONGEST_WAIT}.
     */
    static Duration backoff(Instant failingSince, Instant now) {
        Duration failing = Duration.between(failingSince, now);
        Duration wait = failing.compareTo(FIRST_WAIT) < 0 ? FIRST_WAIT
                : failing.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : failing;
        long half = wait.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(wait.toMillis() - half + 1));
    }

    /**
     * Up to half as long again, at random: resources that the provider paused together (one Retry-After for the
     * whole connection) come back spread out rather than in lockstep.
     */
    static Duration jittered(Duration wait) {
        return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1));
    }

    /** The failure itself: the framework hands it over wrapped (in an OperatorException, by its metrics timer). */
    private static Exception cause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderException || t instanceof StatusConflictException) {
                return (Exception) t;
            }
        }
        return e;
    }
}
