package dev.partnerhub.providers.spi.auth;

/**
 * Where a connection's issued tokens are kept between calls, restarts and replicas (the operator: the connection's
 * Secret). Two processes may renew at the same time: what one keeps, the other finds.
 */
public interface TokenStore {

    /** The tokens kept now (read again: another process may have renewed them). */
    IssuedTokens load();

    /**
     * Keeps renewed tokens, unless others were kept since {@code previous} was loaded.
     *
     * @return what is kept now: {@code renewed}, or the other process's newer tokens
     */
    IssuedTokens save(IssuedTokens previous, IssuedTokens renewed);
}
