package dev.partnerhub.cli.local;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A printer column of type {@code date} as the API server renders it in a Table (apiextensions' table convertor,
 * apimachinery's {@code duration.HumanDuration}): the time since, in at most two units that shrink in precision as it
 * grows, such as {@code 45s}, {@code 3m20s}, {@code 25m}, {@code 5h10m}, {@code 3d4h}, {@code 400d}.
 */
final class HumanAge {

    private HumanAge() {
    }

    /** The age of an RFC 3339 timestamp at {@code now}, {@code <invalid>} when it is not one. */
    static String of(String timestamp, Instant now) {
        try {
            return of(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }

    static String of(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = age.toMinutes();
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = age.toHours();
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long days = hours / 24;
        if (hours < 24 * 365 * 8) {
            return days % 365 == 0 ? days / 365 + "y" : days / 365 + "y" + days % 365 + "d";
        }
        return days / 365 + "y";
    }
}
