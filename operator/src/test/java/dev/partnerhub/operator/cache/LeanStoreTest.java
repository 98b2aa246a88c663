package dev.partnerhub.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Informers of the same kind keep one object per version between them, without its managed fields. */
class LeanStoreTest {

    private final String uid = UUID.randomUUID().toString();

    @Test
    void twoInformersGivenTheSameVersionKeepOneObject() {
        LeanStore<CustomerUser> users = new LeanStore<>();
        LeanStore<CustomerUser> tally = new LeanStore<>();

        users.put("team/ada", received(uid, "7"));
        tally.put("team/ada", received(uid, "7"));

        assertThat(tally.get("team/ada")).isSameAs(users.get("team/ada"));
        assertThat(users.get("team/ada").getMetadata().getManagedFields()).isNull();
    }

    @Test
    void aNewerVersionIsNotTakenForTheOlderOne() {
        LeanStore<CustomerUser> users = new LeanStore<>();
        LeanStore<CustomerUser> tally = new LeanStore<>();
        users.put("team/ada", received(uid, "7"));
        tally.put("team/ada", received(uid, "7"));

        users.put("team/ada", received(uid, "8"));

        assertThat(users.get("team/ada").getMetadata().getResourceVersion()).isEqualTo("8");
        assertThat(tally.get("team/ada").getMetadata().getResourceVersion()).isEqualTo("7");
        tally.put("team/ada", received(uid, "8"));
        assertThat(tally.get("team/ada")).isSameAs(users.get("team/ada"));
    }

    @Test
    void theSameNameAndVersionOfAnotherObjectIsNotShared() {
        LeanStore<CustomerUser> users = new LeanStore<>();
        LeanStore<CustomerUser> tally = new LeanStore<>();
        users.put("team/ada", received(uid, "7"));

        // Deleted and created again (or another API server): another UID, whatever the version says.
        tally.put("team/ada", received(UUID.randomUUID().toString(), "7"));

        assertThat(tally.get("team/ada")).isNotSameAs(users.get("team/ada"));
    }

    @Test
    void anObjectWithoutUidOrVersionIsKeptAsItCame() {
        LeanStore<CustomerUser> users = new LeanStore<>();
        LeanStore<CustomerUser> tally = new LeanStore<>();
        CustomerUser first = received(null, "7");
        CustomerUser second = received(null, "7");

        users.put("team/ada", first);
        tally.put("team/ada", second);

        assertThat(users.get("team/ada")).isSameAs(first);
        assertThat(tally.get("team/ada")).isSameAs(second);
    }

    /** What an informer gets from a watch event: its own deserialized copy. */
    private static CustomerUser received(String uid, String resourceVersion) {
        CustomerUser user = new CustomerUser();
        user.getMetadata().setName("ada");
        user.getMetadata().setNamespace("team");
        user.getMetadata().setUid(uid);
        user.getMetadata().setResourceVersion(resourceVersion);
        ManagedFieldsEntry entry = new ManagedFieldsEntry();
        entry.setManager("kubectl");
        user.getMetadata().setManagedFields(List.of(entry));
        return Serialization.unmarshal(Serialization.asJson(user), CustomerUser.class);
    }
}
