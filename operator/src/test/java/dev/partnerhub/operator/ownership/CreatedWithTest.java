package dev.partnerhub.operator.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.ownership.CreatedWith.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatedWithTest {

    @Test
    void firstSightRecordsEveryFieldAndAnAbsentStrictFieldAsEmpty() {
        Map<String, String> recorded = CreatedWith.record(null, List.of(new Field("spec.a", "x", false),
                new Field("spec.b", null, false), new Field("spec.c", null, true)));
        assertThat(recorded).containsExactlyInAnyOrderEntriesOf(Map.of("spec.a", "x", "spec.b", ""));
    }

    @Test
    void aSetOnceFieldMaySetLaterButNeverChangeOrGoAway() {
        Map<String, String> recorded = CreatedWith.record(null, List.of(new Field("spec.key", null, true)));
        List<Field> set = List.of(new Field("spec.key", "k1", true));
        assertThat(CreatedWith.changes(recorded, set, "Customer")).isEmpty();
        recorded = CreatedWith.record(recorded, set);
        assertThat(recorded).containsEntry("spec.key", "k1");

        assertThat(CreatedWith.changes(recorded, List.of(new Field("spec.key", "k2", true)), "Customer"))
                .containsExactly("spec.key: cannot change after creation (it was k1, now k2). Set it back to k1, "
                        + "or delete this Customer and create a new one.");
        assertThat(CreatedWith.changes(recorded, List.of(new Field("spec.key", null, true)), "Customer"))
                .singleElement().asString().contains("(it was k1, now not set)");
    }

    @Test
    void aStrictFieldAbsentAtCreationCannotBeAddedLater() {
        Map<String, String> recorded = CreatedWith.record(null, List.of(new Field("spec.attach.orgId", null, false)));
        assertThat(CreatedWith.changes(recorded, List.of(new Field("spec.attach.orgId", "org-1", false)), "Customer"))
                .singleElement().asString().contains("(it was not set, now org-1). Set it back, or delete");
    }

    @Test
    void aChangeIsNeverRecordedOverTheCreationValue() {
        Map<String, String> recorded = CreatedWith.record(null, List.of(new Field("spec.customerRef.name", "acme",
                false)));
        assertThat(CreatedWith.record(recorded, List.of(new Field("spec.customerRef.name", "globex", false))))
                .containsEntry("spec.customerRef.name", "acme");
    }
}
