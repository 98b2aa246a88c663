package dev.partnerhub.providers.spi.model;

/** Add or remove one licence, with the calling properties an addition of a calling licence needs. */
public record LicenseChange(String licenseId, boolean add, String phoneNumber, String extension, String locationId) {

    public static LicenseChange remove(String licenseId) {
        return new LicenseChange(licenseId, false, null, null, null);
    }
}
