package dev.partnerhub.providers.spi.model;

/**
 * One licence of a customer org with its seats.
 *
 * @param site the meeting site of a meetings licence, where the provider says (Webex's {@code siteUrl}); else null
 */
public record RemoteLicense(String id, String name, int totalUnits, int consumedUnits, String site) {

    public RemoteLicense(String id, String name, int totalUnits, int consumedUnits) {
        this(id, name, totalUnits, consumedUnits, null);
    }

    public int availableUnits() {
        return Math.max(0, totalUnits - consumedUnits);
    }
}
