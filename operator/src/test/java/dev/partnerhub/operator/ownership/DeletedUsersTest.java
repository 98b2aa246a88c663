package dev.partnerhub.operator.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.DeletedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeletedUsersTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void entriesPastTheProvidersRestoreWindowAreDropped() {
        List<DeletedUser> entries = List.of(deleted("old", NOW.minus(Duration.ofDays(31))),
                deleted("recent", NOW.minus(Duration.ofDays(29))));
        assertThat(DeletedUsers.bounded(entries, NOW)).extracting(DeletedUser::getUserId).containsExactly("recent");
    }

    @Test
    void thirtyDaysOfDeletionsKeepOnlyTheMostRecentOnes() {
        List<DeletedUser> entries = new ArrayList<>();
        IntStream.range(0, 3_000).forEach(i -> entries.add(deleted("u" + i, NOW.minus(Duration.ofMinutes(
                3_000 - i)))));
        List<DeletedUser> kept = DeletedUsers.bounded(entries, NOW);
        assertThat(kept).hasSize(DeletedUsers.KEPT);
        assertThat(kept.get(kept.size() - 1).getUserId()).isEqualTo("u2999");
        assertThat(kept.get(0).getUserId()).isEqualTo("u" + (3_000 - DeletedUsers.KEPT));
    }

    @Test
    void anEntryWithoutAReadableTimeIsKeptAsRecent() {
        assertThat(DeletedUsers.bounded(List.of(deleted("x", null)), NOW)).hasSize(1);
    }

    private static DeletedUser deleted(String id, Instant at) {
        return new DeletedUser(id, id + "@example.com", "ns/" + id, at == null ? "not a time" : at.toString());
    }
}
