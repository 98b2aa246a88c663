package dev.partnerhub.operator.status;

/**
 * The resource changed since the reconcile read it (an edit, another writer), so its status was not written:
 * the reconcile runs again on the newer resource instead of overwriting what it did not see.
 */
public class StatusConflictException extends RuntimeException {

    public StatusConflictException(String resource, Throwable cause) {
        super("The status of " + resource + " was not written: the resource changed since it was read; reconciling "
                + "again with the newer one.", cause);
    }
}
