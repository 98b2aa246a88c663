package dev.partnerhub.providers.spi.errors;

/** The provider refused to attach an existing org: it waits for its administrator, or it belongs elsewhere. */
public class AttachRefusedException extends ProviderRejectedException {

    /** Why the attach was refused. */
    public enum Kind {
        /** The org's administrator must add the partner administrator as an external Full Administrator. */
        APPROVAL_REQUIRED,
        /** The org is already attached to another customer. */
        ALREADY_ATTACHED
    }

    private final Kind kind;

    public AttachRefusedException(Kind kind, ProviderRejectedException cause) {
        super(cause.getMessage(), cause.httpStatus(), cause.errors(), cause.trackingId());
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
