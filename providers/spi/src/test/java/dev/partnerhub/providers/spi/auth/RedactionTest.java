package dev.partnerhub.providers.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aRememberedCredentialIsRemovedWhereverItAppearsEvenWithALineBreak() {
        Redaction.remember("tok-1234\nabcd");
        Redaction.remember("s3cr3t-client-value");
        assertThat(Redaction.apply("invalid header value: \"Bearer tok-1234\nabcd\"")).isEqualTo(
                "invalid header value: \"Bearer " + Redaction.MARK + "\"");
        assertThat(Redaction.apply("client_secret=s3cr3t-client-value&x=s3cr3t-client-value")).isEqualTo(
                "client_secret=" + Redaction.MARK + "&x=" + Redaction.MARK);
        assertThat(Redaction.apply("nothing to hide")).isEqualTo("nothing to hide");
        assertThat(Redaction.apply(null)).isNull();
    }

    @Test
    void aLongerCredentialIsRemovedBeforeAShorterOneItContains() {
        Redaction.remember("abcdefgh");
        Redaction.remember("abcdefgh-and-more");
        assertThat(Redaction.apply("x abcdefgh-and-more y")).isEqualTo("x " + Redaction.MARK + " y");
    }

    @Test
    void shortValuesAreNotTakenForCredentialsAndOnlyTheMostRecentAreKept() {
        Redaction.remember("short");
        assertThat(Redaction.apply("a short word")).isEqualTo("a short word");
        Redaction.remember("the-oldest-credential");
        IntStream.range(0, Redaction.KEPT).forEach(i -> Redaction.remember("renewed-access-token-" + i));
        assertThat(Redaction.apply("the-oldest-credential")).as("forgotten after KEPT newer ones")
                .isEqualTo("the-oldest-credential");
        assertThat(Redaction.apply("renewed-access-token-" + (Redaction.KEPT - 1))).isEqualTo(Redaction.MARK);
    }
}
