package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.providers.spi.auth.Redaction;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class CredentialLogFilterTest {

    private final CredentialLogFilter filter = new CredentialLogFilter();

    @Test
    void aLogLineAndItsExceptionLoseTheCredentialsAndKeepTheRest() {
        Redaction.remember("client-secret-of-the-log-test");
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "grant refused for %s: %s",
                ExtLogRecord.FormatStyle.PRINTF, CredentialLogFilterTest.class.getName());
        record.setParameters(new Object[] {"acme", "secret=client-secret-of-the-log-test"});
        IllegalStateException thrown = new IllegalStateException("outer",
                new IllegalArgumentException("invalid value client-secret-of-the-log-test"));
        record.setThrown(thrown);

        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("grant refused for acme: secret=[redacted]");
        assertThat(record.getThrown().getMessage()).isEqualTo("java.lang.IllegalStateException: outer");
        assertThat(record.getThrown().getCause().getMessage())
                .isEqualTo("java.lang.IllegalArgumentException: invalid value [redacted]");
        assertThat(record.getThrown().getCause().getStackTrace()).isEqualTo(thrown.getCause().getStackTrace());
    }

    @Test
    void aLineWithoutCredentialIsLeftAsItIs() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "nothing here", CredentialLogFilterTest.class.getName());
        IllegalStateException thrown = new IllegalStateException("plain");
        record.setThrown(thrown);
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("nothing here");
        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
