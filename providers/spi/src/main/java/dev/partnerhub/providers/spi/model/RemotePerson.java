package dev.partnerhub.providers.spi.model;

import java.util.List;

/** A person of a customer org: its own fields, and the licence IDs and role IDs it holds. */
public record RemotePerson(String id, String email, List<String> licenses, List<String> roles, UserDetails details) {

    /** The same person holding these licences. */
    public RemotePerson withLicenses(List<String> held) {
        return new RemotePerson(id, email, held, roles, details);
    }

    /** The same person with its default meeting site, read apart from it; null: it has none. */
    public RemotePerson withPreferredSite(String site) {
        UserDetails d = details == null ? UserDetails.NONE : details;
        return new RemotePerson(id, email, licenses, roles, new UserDetails(d.firstName(), d.lastName(),
                d.displayName(), d.phoneNumber(), d.extension(), d.locationId(), d.usageLocation(), site));
    }
}
