package dev.partnerhub.operator.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.status.CommonReason;
import org.junit.jupiter.api.Test;

/** What a finalizer that cannot reach the provider tells a person to do, by why it cannot. */
class ReleaseAdviceTest {

    @Test
    void eachReasonNamesWhatToBringBackOrToFix() {
        assertThat(ReleaseAdvice.of(CommonReason.ConnectionNotFound, "ns", false))
                .startsWith("Create the PartnerConnection again");
        assertThat(ReleaseAdvice.of(CommonReason.CustomerNotFound, "ns", false)).startsWith("Create the Customer again");
        assertThat(ReleaseAdvice.of(CommonReason.ConnectionNotAllowed, "ns", false)).startsWith("Allow this namespace");
        assertThat(ReleaseAdvice.of(CommonReason.ConnectionNotReady, "ns", false))
                .as("a connection whose spec cannot make a provider needs its spec fixed, not its Secret")
                .startsWith("Fix the PartnerConnection's spec");
        assertThat(ReleaseAdvice.of(CommonReason.CredentialsMissing, "ns", false)).startsWith("Create the Secret again");
    }

    @Test
    void aNamespaceBeingDeletedLeavesOnlyOrphan() {
        assertThat(ReleaseAdvice.of(CommonReason.ConnectionNotFound, "ns", true))
                .startsWith("Namespace ns is being deleted").contains("deletionPolicy to Orphan");
    }
}
