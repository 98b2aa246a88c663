package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.Feature;

/**
 * One provider account, as one PartnerConnection reaches it: what it can do, as data ({@link #capabilities()}),
 * and the calls reconcilers make. Made by a {@link ProviderFactory}. Callers see value objects and
 * {@link ProviderException}s only; every call may block on the connection's rate limiter. A vendor's wire formats,
 * status strings and error codes stay in its module.
 */
public interface Provider {

    Capabilities capabilities();

    /** An authenticated call that changes nothing; throws when the credentials or the endpoint are wrong. */
    void probe();

    Customers customers();

    Users users();

    /** Licences of customer orgs; {@link Licensing#NONE} without {@link Feature#LICENSES}. */
    Licensing licensing();

    /** A user's person record besides the user (names, roles); {@link People#NONE} where there is none. */
    People people();

    /** Contact Center's synchronisation of people; {@link ContactCenter#NONE} without {@link Feature#CONTACT_CENTER}. */
    default ContactCenter contactCenter() {
        return ContactCenter.NONE;
    }

    /** The customer's workspaces; {@link Workspaces#NONE} where the provider has none. */
    default Workspaces workspaces() {
        return Workspaces.NONE;
    }
}
