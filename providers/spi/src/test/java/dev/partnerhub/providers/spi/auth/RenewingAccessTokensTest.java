package dev.partnerhub.providers.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RenewingAccessTokensTest {

    private static final OAuthClient CLIENT = new OAuthClient("client", "secret", null);
    private static final Duration MARGIN = Duration.ofMinutes(5);

    /** A token endpoint that counts its grants and rotates the refresh token when asked to. */
    private static final class Endpoint implements TokenGrant {
        final List<String> refreshTokensSeen = new ArrayList<>();
        boolean rotates;
        boolean refuses;
        int issued;

        @Override
        public synchronized Granted refresh(OAuthClient client, String refreshToken) {
            if (refuses) {
                throw new ProviderAuthenticationException("invalid_grant", 400, List.of(), null);
            }
            refreshTokensSeen.add(refreshToken);
            issued++;
            return new Granted("access-" + issued, Duration.ofHours(1), rotates ? "refresh-" + issued : null,
                    rotates ? Duration.ofDays(90) : null);
        }
    }

    /** A Secret in memory that counts its writes; {@link #elsewhere} is another replica's write. */
    private static class Store implements TokenStore {
        private final MemoryTokenStore memory;
        int saves;

        Store(IssuedTokens kept) {
            this.memory = new MemoryTokenStore(kept);
        }

        @Override
        public IssuedTokens load() {
            return memory.load();
        }

        @Override
        public IssuedTokens save(IssuedTokens previous, IssuedTokens renewed) {
            saves++;
            return memory.save(previous, renewed);
        }

        void elsewhere(IssuedTokens tokens) {
            memory.save(memory.load(), tokens);
        }
    }

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-01T00:00:00Z"));
    private final Endpoint endpoint = new Endpoint();
    private final Store store = new Store(new IssuedTokens(null, null, "refresh-0",
            Instant.parse("2027-01-01T00:00:00Z")));
    private final RenewingAccessTokens tokens = new RenewingAccessTokens(endpoint, CLIENT, store, clock, MARGIN);

    @Test
    void theFirstCallRenewsThenTheTokenServesUntilItsMarginAndARotatedRefreshTokenIsKept() {
        endpoint.rotates = true;
        assertThat(tokens.current()).isEqualTo("access-1");
        assertThat(endpoint.refreshTokensSeen).containsExactly("refresh-0");
        assertThat(store.load().refreshToken()).isEqualTo("refresh-1");
        assertThat(store.load().refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));

        clock.advance(Duration.ofMinutes(54));
        assertThat(tokens.current()).isEqualTo("access-1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.current()).as("within the margin of its expiry").isEqualTo("access-2");
        assertThat(endpoint.refreshTokensSeen).containsExactly("refresh-0", "refresh-1");
    }

    @Test
    void aRefreshTokenSentBackUnchangedKeepsItsKnownExpiry() {
        assertThat(tokens.current()).isEqualTo("access-1");
        assertThat(store.load().refreshToken()).isEqualTo("refresh-0");
        assertThat(store.load().refreshTokenExpiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void aRejectedTokenIsRenewedOnceForAllTheCallersThatGotTheRejection() throws Exception {
        String first = tokens.current();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return tokens.renewAfterRejection(first);
            }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();
        assertThat(endpoint.issued).as("the first call's grant and one renewal").isEqualTo(2);
        assertThat(tokens.current()).isEqualTo("access-2");
    }

    @Test
    void tokensAnotherReplicaRenewedAreTakenNotRenewedAgain() {
        tokens.current();
        store.elsewhere(new IssuedTokens("from-the-other-replica", clock.instant().plus(Duration.ofHours(1)), "refresh-9",
                null));
        clock.advance(Duration.ofMinutes(58));
        store.elsewhere(new IssuedTokens("from-the-other-replica", clock.instant().plus(Duration.ofHours(1)), "refresh-9",
                null));
        assertThat(tokens.current()).isEqualTo("from-the-other-replica");
        assertThat(endpoint.issued).isEqualTo(1);
    }

    @Test
    void whenTwoReplicasRenewAtOnceTheTokensWrittenFirstAreKept() {
        IssuedTokens before = store.load();
        Store racing = new Store(before) {
            @Override
            public IssuedTokens save(IssuedTokens previous, IssuedTokens renewed) {
                // The other replica wrote between our load and our save.
                elsewhere(new IssuedTokens("theirs", clock.instant().plus(Duration.ofHours(1)), "refresh-theirs", null));
                return super.save(previous, renewed);
            }
        };
        RenewingAccessTokens ours = new RenewingAccessTokens(endpoint, CLIENT, racing, clock, MARGIN);
        assertThat(ours.current()).isEqualTo("theirs");
        assertThat(racing.load().refreshToken()).isEqualTo("refresh-theirs");
    }

    @Test
    void aRefusedRefreshTokenIsAnAuthenticationFailureAndNothingIsKept() {
        endpoint.refuses = true;
        assertThatThrownBy(tokens::current).isInstanceOf(ProviderAuthenticationException.class);
        assertThat(store.saves).isZero();
        assertThat(tokens.toString()).doesNotContain("refresh-0");
    }
}
