package dev.partnerhub.providers.spi.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A Retry-After header as providers send it: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3), and the
 * decimal seconds some services send although the RFC has none. A negative or past value means now; a value longer
 * than {@link #LONGEST} is taken as that (a connection held for a day by one header helps nobody, and its status
 * says it is waiting).
 */
public final class RetryAfter {

    /** The longest wait one header may impose. */
    public static final Duration LONGEST = Duration.ofMinutes(15);

    private RetryAfter() {
    }

    /** The wait the header asks for, clamped to [0, {@link #LONGEST}]; null when the value is neither form. */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Duration wait;
        try {
            BigDecimal seconds = new BigDecimal(text);
            // Compared before any arithmetic: 1E+2147483647 is a number too.
            wait = seconds.signum() < 0 ? Duration.ZERO
                    : seconds.compareTo(BigDecimal.valueOf(LONGEST.toSeconds())) > 0 ? LONGEST
                    : Duration.ofNanos(seconds.movePointRight(9).longValue());
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
