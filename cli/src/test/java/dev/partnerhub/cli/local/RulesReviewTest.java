package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

/**
 * The framework asks a SelfSubjectRulesReview before it starts under leader election; the embedded API, which has
 * no authorisation, answers as a real API server answers a cluster administrator (the CRUD mock refused it).
 */
class RulesReviewTest {

    @Test
    void aRulesReviewAnswersEveryVerbOnEveryResource() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.client()) {
            SelfSubjectRulesReview review = client.authorization().v1().selfSubjectRulesReview().create(
                    new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace("bench").endSpec().build());
            assertThat(review.getSpec().getNamespace()).isEqualTo("bench");
            assertThat(review.getStatus().getIncomplete()).isFalse();
            assertThat(review.getStatus().getResourceRules()).singleElement().satisfies(rule -> {
                assertThat(rule.getVerbs()).containsExactly("*");
                assertThat(rule.getApiGroups()).containsExactly("*");
                assertThat(rule.getResources()).containsExactly("*");
            });
        }
    }
}
