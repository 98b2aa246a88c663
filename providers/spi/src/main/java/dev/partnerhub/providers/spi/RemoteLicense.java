package dev.partnerhub.providers.spi;

/** One licence of a customer org with its seats. */
public record RemoteLicense(String id, String name, int totalUnits, int consumedUnits) {

    public int availableUnits() {
        return Math.max(0, totalUnits - consumedUnits);
    }
}
