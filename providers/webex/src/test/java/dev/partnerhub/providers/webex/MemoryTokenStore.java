package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.auth.IssuedTokens;
import dev.partnerhub.providers.spi.auth.TokenStore;

/** Tokens kept in memory, as one replica alone keeps them. */
final class MemoryTokenStore implements TokenStore {

    IssuedTokens kept;

    MemoryTokenStore(IssuedTokens kept) {
        this.kept = kept;
    }

    @Override
    public synchronized IssuedTokens load() {
        return kept;
    }

    @Override
    public synchronized IssuedTokens save(IssuedTokens previous, IssuedTokens renewed) {
        kept = renewed;
        return renewed;
    }
}
