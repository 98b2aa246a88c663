package dev.partnerhub.sandbox.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's identity services, one per vendor: OAuth clients (a Webex integration or service app, a Microsoft Entra
 * app registration), refresh tokens a person obtained by signing in (the admin endpoint plays that person), and the
 * access tokens the refresh token grant issues, each expiring on the hub's clock with the vendor's lifetimes. How a
 * vendor rotates its refresh tokens is a {@link Vendor} setting.
 */
public final class TokenIssuer {

    /** An identity service's lifetimes and rotation. */
    public enum Vendor {
        /**
         * Webex: access tokens of 14 days; refresh tokens of 90 days, which "last indefinitely" when used regularly
         * (Cisco's Authorizations page): the same token comes back with its lifetime renewed.
         */
        WEBEX(Duration.ofDays(14), Duration.ofDays(90), false),
        /**
         * Microsoft identity platform: access tokens of about an hour (3599 s in Microsoft's example), and a new
         * refresh token of 90 days with each grant; the old one is not revoked by its use.
         */
        MICROSOFT(Duration.ofSeconds(3599), Duration.ofDays(90), true);

        final Duration accessLifetime;
        final Duration refreshLifetime;
        final boolean rotates;

        Vendor(Duration accessLifetime, Duration refreshLifetime, boolean rotates) {
            this.accessLifetime = accessLifetime;
            this.refreshLifetime = refreshLifetime;
            this.rotates = rotates;
        }
    }

    /** A registered client; {@code tenant} is its directory (Microsoft) or null. */
    public record Client(Vendor vendor, String id, String secret, String tenant) {
    }

    /** What a refresh token grant issued. */
    public record Issued(String accessToken, Duration accessLifetime, String refreshToken, Duration refreshLifetime) {
    }

    /** Why a grant was refused. */
    public enum Refusal { UNKNOWN_CLIENT, WRONG_SECRET, WRONG_TENANT, EXPIRED, REVOKED, UNKNOWN_TOKEN }

    /** A refused grant. */
    public static final class GrantRefused extends RuntimeException {
        private final Refusal refusal;

        GrantRefused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private record Refresh(String clientId, Instant expiresAt, boolean revoked) {
    }

    private record Access(Vendor vendor, String clientId, String refreshToken, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    /** Every secret and token ever handed out, revoked and expired ones too: what no message may ever show. */
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    public TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    /** Registers a client; an ID or secret left out is made up. */
    public Client register(Vendor vendor, String id, String secret, String tenant) {
        Client client = new Client(vendor, id != null ? id : "C" + token(12), secret != null ? secret : token(24),
                tenant);
        clients.put(client.id(), client);
        handedOut.add(client.secret());
        return client;
    }

    /** A person signs in with the client and consents: a refresh token, lasting {@code lifetime} or the vendor's. */
    public synchronized String signIn(String clientId, Duration lifetime) {
        Client client = client(clientId);
        String refresh = token(48);
        handedOut.add(refresh);
        refreshTokens.put(refresh, new Refresh(client.id(), clock.instant().plus(lifetime != null ? lifetime
                : client.vendor().refreshLifetime), false));
        return refresh;
    }

    /** When a refresh token runs out; empty when unknown. */
    public Optional<Instant> refreshExpiry(String refreshToken) {
        return Optional.ofNullable(refreshTokens.get(refreshToken)).map(Refresh::expiresAt);
    }

    /** The refresh token grant of RFC 6749, section 6, with the vendor's lifetimes and rotation. */
    public synchronized Issued refresh(Vendor vendor, String clientId, String secret, String tenant,
            String refreshToken) {
        Client client = clients.get(clientId);
        if (client == null || client.vendor() != vendor) {
            throw new GrantRefused(Refusal.UNKNOWN_CLIENT);
        }
        if (!client.secret().equals(secret)) {
            throw new GrantRefused(Refusal.WRONG_SECRET);
        }
        if (client.tenant() != null && !client.tenant().equals(tenant)) {
            throw new GrantRefused(Refusal.WRONG_TENANT);
        }
        Refresh held = refreshTokens.get(refreshToken);
        Instant now = clock.instant();
        if (held == null || !held.clientId().equals(clientId)) {
            throw new GrantRefused(Refusal.UNKNOWN_TOKEN);
        }
        if (held.revoked()) {
            throw new GrantRefused(Refusal.REVOKED);
        }
        if (!held.expiresAt().isAfter(now)) {
            throw new GrantRefused(Refusal.EXPIRED);
        }
        String next = refreshToken;
        if (vendor.rotates) {
            next = token(48);
        }
        refreshTokens.put(next, new Refresh(clientId, now.plus(vendor.refreshLifetime), false));
        String access = token(64);
        handedOut.add(next);
        handedOut.add(access);
        accessTokens.put(access, new Access(vendor, clientId, next, now.plus(vendor.accessLifetime)));
        return new Issued(access, vendor.accessLifetime, next, vendor.refreshLifetime);
    }

    /** Revokes one refresh token, or every one of a client, with the access tokens issued from them. */
    public synchronized int revoke(String clientId, String refreshToken) {
        int revoked = 0;
        for (Map.Entry<String, Refresh> e : refreshTokens.entrySet()) {
            if (e.getKey().equals(refreshToken) || e.getValue().clientId().equals(clientId)) {
                e.setValue(new Refresh(e.getValue().clientId(), e.getValue().expiresAt(), true));
                revoked++;
            }
        }
        accessTokens.values().removeIf(a -> a.clientId().equals(clientId) || a.refreshToken().equals(refreshToken));
        return revoked;
    }

    /** Every client secret, refresh token and access token this service ever made or was given. */
    public Set<String> handedOut() {
        return Set.copyOf(handedOut);
    }

    /** Whether an access token is one this service issued for the vendor, and still good. */
    public boolean accepts(Vendor vendor, String accessToken) {
        Access access = accessTokens.get(accessToken);
        return access != null && access.vendor() == vendor && access.expiresAt().isAfter(clock.instant());
    }

    private Client client(String id) {
        Client client = clients.get(id);
        if (client == null) {
            throw new GrantRefused(Refusal.UNKNOWN_CLIENT);
        }
        return client;
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
