package dev.partnerhub.sandbox.webex;

/**
 * The {@code errorCode} of the hub's Webex error bodies. Cisco's where Cisco documents one for the refusal (an example
 * or {@code ErrorDetail} of its OpenAPI files, or seed 003's help article); for every other refusal Cisco's files
 * document no code, and the hub uses its own, named {@code HUB_*} here and listed as the hub's own in docs/local-mode.md. The
 * licence rules' documented codes (400000, 400404 and the others of {@code ErrorDetail}) are in {@link LicenseRules}.
 */
final class WebexCodes {

    /** BroadWorks subscribers' example error: the user ID or the email already belongs to an existing user. */
    static final int ALREADY_ASSOCIATED = 10022;
    /** Seed 003 (Cisco's help article on attaching an existing org): the org's administrator must approve first. */
    static final int APPROVAL_REQUIRED = 2017;

    /** The hub's own: no customer template has this provisioningId. */
    static final int HUB_UNKNOWN_TEMPLATE = 1001;
    /** The hub's own: a package the call does not take, or not exactly one of package and packages. */
    static final int HUB_INVALID_PACKAGE = 1002;
    /** The hub's own: a subscriber package the customer does not have. */
    static final int HUB_PACKAGE_NOT_PROVISIONED = 1003;
    /** The hub's own: a package whose dependency is missing. */
    static final int HUB_PACKAGE_DEPENDENCY = 1004;
    /** The hub's own: a subscriber of a customer that is being deleted. */
    static final int HUB_CUSTOMER_DELETING = 1005;
    /** The hub's own: another customer holds this externalId. */
    static final int HUB_DUPLICATE_EXTERNAL_ID = 1006;
    /** The hub's own: a customer deleted while it still holds subscribers. */
    static final int HUB_CUSTOMER_HAS_SUBSCRIBERS = 1007;
    /** The hub's own: an onboarding template of the wrong kind for the call. */
    static final int HUB_TEMPLATE_MISMATCH = 1008;
    /** The hub's own: a customer name with the % character Cisco's file forbids. */
    static final int HUB_NAME_CHARACTER = 1009;
    /** The hub's own: a customer changed while it is provisioning (423, retried). */
    static final int HUB_CUSTOMER_BUSY = 1010;
    /** The hub's own: a subscriber of a customer that is not provisioned yet. */
    static final int HUB_CUSTOMER_NOT_READY = 1011;
    /** The hub's own: an orgId the partner cannot attach. */
    static final int HUB_UNKNOWN_ORG = 1020;
    /** The hub's own: an org attached to another customer already. */
    static final int HUB_ORG_ATTACHED = 1022;
    /** The hub's own (end-user flows): a subscriber not waiting for an email. */
    static final int HUB_NOT_AWAITING_EMAIL = 2001;
    /** The hub's own (end-user flows): a subscriber not waiting for validation. */
    static final int HUB_NOT_AWAITING_VALIDATION = 2002;
    /** The hub's own (end-user flows): a subscriber not waiting for a move. */
    static final int HUB_NOT_AWAITING_MOVE = 2003;
    /** The hub's own (end-user flows): a BroadWorks enterprise the hub does not hold. */
    static final int HUB_UNKNOWN_ENTERPRISE = 2004;
    /** The hub's own: a consent email for a subscriber with no move pending. */
    static final int HUB_NO_MOVE_PENDING = 2005;
    /** The hub's own: an email that is not of the form local@domain (Cisco's files give no rule or code). */
    static final int HUB_INVALID_EMAIL = 1012;
    /** The hub's own: a Wholesale user in a domain another org claimed (an external user). */
    static final int HUB_EXTERNAL_USER = 10024;
    /** The hub's own: a licence assigned to someone outside the org. */
    static final int HUB_NOT_IN_ORG = 400001;
    /** The hub's own: a role ID that is not a Webex role. */
    static final int HUB_UNKNOWN_ROLE = 400002;
    /** The hub's own: a siteUrl that is not one of the org's sites. */
    static final int HUB_UNKNOWN_SITE = 400003;
    /** The hub's own: a phone number of a type the PUT does not take (work only). */
    static final int HUB_PHONE_TYPE = 400051;
    /** The hub's own: a number or an extension for a person without calling. */
    static final int HUB_NOT_CALLING = 400052;
    /** The hub's own: a calling user's location changed (Cisco's file says it cannot be). */
    static final int HUB_LOCATION_FIXED = 400053;
    /** The hub's own: Meeting Preferences' defaultSite not a boolean. */
    static final int HUB_DEFAULT_SITE = 400061;
    /** The hub's own: a default site the user cannot host on. */
    static final int HUB_NOT_A_HOST_SITE = 400062;
    /** The hub's own: the partner-organizations call for a partner full administrator, which Cisco's file says fails. */
    static final int HUB_PARTNER_FULL_ADMIN = 400110;

    private WebexCodes() {
    }
}
