package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.Feature;

/**
 * Contact Center's own copy of a person ({@link Feature#CONTACT_CENTER}): after a person's Contact Center licences
 * or roles change, the person is synchronised with Contact Center, and the sync is Valid or Invalid.
 */
public interface ContactCenter {

    /** No Contact Center. */
    ContactCenter NONE = new ContactCenter() {
        @Override
        public boolean covers(String licenseName) {
            return false;
        }

        @Override
        public Sync sync(String orgId, String personId) {
            throw new UnsupportedOperationException("no Contact Center");
        }
    };

    /** Whether a licence (by name) is a Contact Center licence, whose change calls for a sync. */
    boolean covers(String licenseName);

    /** Synchronises one person with Contact Center. */
    Sync sync(String orgId, String personId);

    /**
     * @param valid       whether Contact Center took the person's records
     * @param status      the provider's word for it (valid, invalid)
     * @param description why it is not valid, as the provider says; null when valid
     * @param trackingId  the provider's ID of the call, for a support request
     */
    record Sync(boolean valid, String status, String description, String trackingId) {
    }
}
