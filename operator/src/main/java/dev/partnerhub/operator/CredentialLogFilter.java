package dev.partnerhub.operator;

import dev.partnerhub.providers.spi.auth.Redaction;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log side of the one redaction step: each log line, formatted, and the messages of the exception it carries
 * pass {@link Redaction}, so that no credential the operator holds is written to a log, whoever logged it (the
 * operator, the framework, the HTTP client). Set on the console and file handlers in application.properties.
 */
@LoggingFilter(name = CredentialLogFilter.NAME)
public final class CredentialLogFilter implements Filter {

    public static final String NAME = "redact-credentials";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String redacted = Redaction.apply(formatted);
            if (redacted != null && !redacted.equals(formatted)) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && carriesCredential(thrown)) {
            record.setThrown(redacted(thrown));
        }
        return true;
    }

    private static boolean carriesCredential(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(Redaction.apply(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the chain with the messages redacted and the stack traces kept. */
    private static Throwable redacted(Throwable thrown) {
        Throwable cause = thrown.getCause() == null || thrown.getCause() == thrown ? null
                : redacted(thrown.getCause());
        Throwable copy = new RedactedException(thrown.getClass().getName() + ": "
                + Redaction.apply(thrown.getMessage()), cause);
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Stands for an exception whose message held a credential. */
    static final class RedactedException extends RuntimeException {
        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
