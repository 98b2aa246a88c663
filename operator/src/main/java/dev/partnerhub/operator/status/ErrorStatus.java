package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.providers.spi.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.ProviderException;
import dev.partnerhub.providers.spi.ProviderOutageException;
import dev.partnerhub.providers.spi.ProviderUnavailableException;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * What a failed reconcile writes: Synced=False with the provider's exact error. Transient failures go back to
 * the framework's bounded retry, except that a Retry-After longer than the client would wait replaces it (jittered),
 * and that a resource whose retries are spent is looked at again every few minutes;
 * a refused token is not retried (the PartnerConnection reports it) but looked at again later.
 */
public final class ErrorStatus {

    /** The framework's longest retry interval (application.properties), kept once its retries are spent. */
    static final Duration AFTER_RETRIES = Duration.ofMinutes(5);

    private ErrorStatus() {
    }

    /**
     * @param copy         a deep copy of the status, or a new one when null
     * @param recordErrors stores the provider's errors in the status
     */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> ErrorStatusUpdateControl<P> of(
            Context<P> context, P resource, Exception e, UnaryOperator<S> copy, Clock clock, Duration blocked,
            BiConsumer<S, ProviderException> recordErrors) {
        e = cause(e);
        if (e instanceof StatusConflictException) {
            // Nothing to report: the newer resource is reconciled next, with the framework's retry.
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        S previous = resource.getStatus();
        S status = copy.apply(previous);
        Conditions conditions = Conditions.builder();
        Duration rescheduleInstead = null;
        if (e instanceof ProviderAuthenticationException auth) {
            String message = "The provider refused the connection's token: " + StatusSupport.firstDescription(auth)
                    + " See the PartnerConnection's status.";
            conditions.ready(false, "ConnectionUnauthorized", message).synced(false, "ConnectionUnauthorized", message);
            recordErrors.accept(status, auth);
            rescheduleInstead = blocked;
        } else if (e instanceof ProviderException pe) {
            String told = sameOutage(previous, pe);
            if (told != null) {
                // The same outage, told once: its first message and errors stand until the provider answers.
                conditions.synced(false, Reasons.PROVIDER_UNAVAILABLE, told);
            } else {
                conditions.synced(false, Reasons.PROVIDER_UNAVAILABLE, pe.getMessage());
                recordErrors.accept(status, pe);
            }
            rescheduleInstead = pe instanceof ProviderUnavailableException u ? u.retryAfter() : null;
        } else {
            conditions.synced(false, "ReconcileError", "Reconcile failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        conditions.applyTo(status, resource.getMetadata().getGeneration(), clock);
        StatusWrite.patch(context, resource, previous, status);
        ErrorStatusUpdateControl<P> control = ErrorStatusUpdateControl.noStatusUpdate();
        Duration next = next(rescheduleInstead, context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(false));
        return next == null ? control : control.withNoRetry().rescheduleAfter(jittered(next));
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
                .filter(c -> "False".equals(c.getStatus()) && Reasons.PROVIDER_UNAVAILABLE.equals(c.getReason()))
                .filter(c -> c.getLastTransitionTime() != null && !Instant.parse(c.getLastTransitionTime())
                        .isBefore(outage.failingSince().truncatedTo(ChronoUnit.SECONDS)))
                .map(c -> c.getMessage()).orElse(null);
    }

    /**
     * When to look again by itself: when the failure says (a Retry-After, a refused token); else the framework's
     * retry, and once that is spent, {@link #AFTER_RETRIES} on, never stranded until an unrelated event.
     */
    static Duration next(Duration fromFailure, boolean lastAttempt) {
        return fromFailure != null ? fromFailure : lastAttempt ? AFTER_RETRIES : null;
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
