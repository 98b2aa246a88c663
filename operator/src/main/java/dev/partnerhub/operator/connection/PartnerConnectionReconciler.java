package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.api.v1alpha1.ProviderKind;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.CredentialsException;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.status.StatusWrite;
import dev.partnerhub.provider.ProviderAuthenticationException;
import dev.partnerhub.provider.ProviderException;
import dev.partnerhub.provider.ProviderRejectedException;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.webex.WebexProviders;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;

/** Checks that a PartnerConnection can reach its provider: an authenticated probe call sets Ready. */
@ControllerConfiguration(name = "partnerconnection")
public class PartnerConnectionReconciler implements Reconciler<PartnerConnection> {

    private final ProviderRegistry registry;
    private final OperatorConfig config;
    private final Clock clock;

    public PartnerConnectionReconciler(ProviderRegistry registry, OperatorConfig config, Clock clock) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public UpdateControl<PartnerConnection> reconcile(PartnerConnection connection, Context<PartnerConnection> context) {
        PartnerConnectionStatus previous = connection.getStatus();
        PartnerConnectionStatus status = previous == null ? new PartnerConnectionStatus()
                : StatusSupport.copy(previous, PartnerConnectionStatus.class);
        String endpoint = connection.getSpec().getEndpoint() == null ? WebexProviders.DEFAULT_ENDPOINT
                : connection.getSpec().getEndpoint();
        status.setEndpoint(endpoint);
        Conditions conditions = Conditions.builder();
        Duration next = config.polling().probe();
        if (connection.getSpec().getProvider() != ProviderKind.WEBEX) {
            conditions.ready(false, "ProviderNotSupported", "spec.provider: only webex is implemented so far.")
                    .stalled("ProviderNotSupported", "spec.provider: only webex is implemented so far; "
                            + "use provider: webex.");
        } else {
            next = probe(connection, conditions);
        }
        conditions.applyTo(status, connection.getMetadata().getGeneration(), clock);
        return StatusWrite.finish(context, connection, previous, status, next);
    }

    private Duration probe(PartnerConnection connection, Conditions conditions) {
        try {
            ProvisioningProvider provider = registry.refresh(connection);
            provider.probe();
            conditions.ready(true, "ProbeSucceeded", "An authenticated call to the provider succeeded.")
                    .synced(true, "ProbeSucceeded", "An authenticated call to the provider succeeded.")
                    .notStalled();
            return config.polling().probe();
        } catch (CredentialsException e) {
            conditions.ready(false, e.reason(), e.getMessage()).stalled(e.reason(), e.getMessage());
            return config.polling().blocked();
        } catch (ProviderAuthenticationException e) {
            String message = "The provider refused the token in spec.credentialsSecretRef (HTTP " + e.httpStatus()
                    + "): " + StatusSupport.firstDescription(e) + " Put a valid token in the Secret.";
            conditions.ready(false, "CredentialsRejected", message).synced(false, "CredentialsRejected", message)
                    .stalled("CredentialsRejected", message);
            return config.polling().blocked();
        } catch (ProviderRejectedException e) {
            String message = "The probe call was refused (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e) + " Check spec.endpoint and spec.webex.model.";
            conditions.ready(false, "ProbeRejected", message).synced(false, "ProbeRejected", message)
                    .stalled("ProbeRejected", message);
            return config.polling().blocked();
        }
    }

    @Override
    public ErrorStatusUpdateControl<PartnerConnection> updateErrorStatus(PartnerConnection connection,
            Context<PartnerConnection> context, Exception e) {
        PartnerConnectionStatus status = connection.getStatus() == null ? new PartnerConnectionStatus()
                : StatusSupport.copy(connection.getStatus(), PartnerConnectionStatus.class);
        String message = e instanceof ProviderException pe ? pe.getMessage() : "Reconcile failed: " + e.getMessage();
        Conditions.builder().ready(false, "ProviderUnavailable", message).synced(false, "ProviderUnavailable", message)
                .applyTo(status, connection.getMetadata().getGeneration(), clock);
        connection.setStatus(status);
        return ErrorStatusUpdateControl.patchStatus(connection);
    }
}
