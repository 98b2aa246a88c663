package dev.partnerhub.sandbox.partnercenter;

/**
 * The {@code code} of the hub's Partner Center error bodies. Microsoft's where a page of Microsoft's names one for the
 * refusal ("Partner Center REST error codes", or a scenario page's example); for every other refusal Microsoft
 * documents no code, and the hub uses its own, named {@code HUB_*} here and listed as the hub's own in docs/local-mode.md.
 */
final class PartnerCenterCodes {

    /** Error codes page: HTTP 401, "access denied". */
    static final int ACCESS_DENIED = 400;
    /**
     * A token Partner Center does not take: HTTP 401 with code 900420, "Invalid Token", as a Partner Center reply
     * quoted in Microsoft's Partner-Center-DotNet-Samples issue 140 shows it. The error-code table lists no code for an
     * expired or invalid token; this one is the service's observed answer, not a documented one.
     */
    static final int INVALID_TOKEN = 900420;
    /** Error codes page: HTTP 404, not found. */
    static final int NOT_FOUND = 1000;
    /** Error codes page: HTTP 404, the user's object ID was not found. */
    static final int USER_NOT_FOUND = 60002;
    /** Error codes page: HTTP 404, the tenant was not found. */
    static final int TENANT_NOT_FOUND = 60003;
    /** "Assign licenses to a user", its example of a refusal: HTTP 400, the licences ran out. */
    static final int QUOTA_EXCEEDED = 60012;

    /**
     * The hub's own: a malformed request (a size out of range, a bad filter or continuation token). Not 400, which
     * Microsoft's table gives "access denied".
     */
    static final int HUB_BAD_REQUEST = 4000;
    /** The hub's own: a licence assigned to a user without a usage location. */
    static final int HUB_NO_USAGE_LOCATION = 60013;
    /** The hub's own: a user whose userPrincipalName another user (active or deleted) holds. */
    static final int HUB_DUPLICATE_UPN = 60014;
    /** The hub's own: a password missing or not complex enough. */
    static final int HUB_WEAK_PASSWORD = 60015;
    /** The hub's own: a change to a deleted user. */
    static final int HUB_USER_DELETED = 60016;
    /** The hub's own: a usage location that is not a two-letter country code. */
    static final int HUB_BAD_USAGE_LOCATION = 60018;
    /** The hub's own: a licence update touching two licence groups (the page says only that it fails). */
    static final int HUB_TWO_LICENCE_GROUPS = 60019;
    /** The hub's own: a SKU the customer does not subscribe to. */
    static final int HUB_SKU_NOT_SUBSCRIBED = 60021;
    /** The hub's own: a user added to a directory role it already holds. */
    static final int HUB_ALREADY_MEMBER = 60030;

    private PartnerCenterCodes() {
    }
}
