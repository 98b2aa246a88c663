package dev.partnerhub.operator.metrics;

import java.util.regex.Pattern;

/**
 * A provider call's operation as a metric names it: its method and its path with every identifier replaced by
 * {@code {id}} ({@code GET /v1/customers/{id}/users}), so that the series are per kind of call, never per user.
 * A segment is kept when it is a word (letters, '-' or '_', as the APIs' collection names are) or a version
 * ({@code v1}, {@code v1.0}); anything else (a GUID, a base64 ID, an email address) is an identifier.
 */
final class Operations {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_-]{0,39}|v\\d+(\\.\\d+)?");

    private Operations() {
    }

    static String of(String method, String path) {
        StringBuilder operation = new StringBuilder(method).append(' ');
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                operation.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
            }
        }
        return operation.toString();
    }
}
