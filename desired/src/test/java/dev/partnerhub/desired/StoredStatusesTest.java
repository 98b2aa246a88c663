package dev.partnerhub.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.AdminAccessLevel;
import dev.partnerhub.api.v1alpha1.Customer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Statuses an earlier version of the operator stored are still read after an upgrade. */
class StoredStatusesTest {

    @Test
    void aCustomerWhoseStatusSaysProvisioningAdminIsReadAsLimitedAdmin() throws Exception {
        Customer stored = new ObjectMapper().readValue("""
                {"apiVersion": "partnerhub.dev/v1alpha1", "kind": "Customer", "metadata": {"name": "initech"},
                 "status": {"adminAccess": "ProvisioningAdmin"}}""", Customer.class);
        assertThat(stored.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.LimitedAdmin);
    }
}
