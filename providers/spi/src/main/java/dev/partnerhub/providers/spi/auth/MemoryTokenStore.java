package dev.partnerhub.providers.spi.auth;

/** Tokens kept in memory, for a single process that renews alone (a replica of the operator keeps them in a Secret). */
public final class MemoryTokenStore implements TokenStore {

    private IssuedTokens kept;

    public MemoryTokenStore(IssuedTokens kept) {
        this.kept = kept;
    }

    @Override
    public synchronized IssuedTokens load() {
        return kept;
    }

    /** Keeps the renewed tokens unless others were kept since {@code previous} was loaded, as the interface says. */
    @Override
    public synchronized IssuedTokens save(IssuedTokens previous, IssuedTokens renewed) {
        if (!java.util.Objects.equals(previous, kept)) {
            return kept;
        }
        kept = renewed;
        return renewed;
    }
}
