package dev.partnerhub.providers.spi.http;

import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * The pages of one list as they are followed: at most {@link #MOST} of them, and never the same link twice (a
 * provider whose next link points back would otherwise be read forever).
 */
public final class Pages {

    /** More pages than any list of one customer or partner has (a million items at 200 a page). */
    public static final int MOST = 5_000;

    private final String list;
    private final Set<String> followed = new HashSet<>();

    /** @param list the list's call, for messages ({@code GET /v1/people}) */
    public Pages(String list) {
        this.list = list;
    }

    /**
     * Records the next page's link (with what makes it differ, such as a continuation token); fails when it was
     * followed before or the list has too many pages.
     */
    public void follow(URI link, String token) {
        String key = link + (token == null ? "" : " " + token);
        if (!followed.add(key)) {
            throw new ProviderProtocolException(list + ": the next page's link points back to a page already read ("
                    + link.getPath() + "); the list is not read further", 0, null, null);
        }
        if (followed.size() > MOST) {
            throw new ProviderProtocolException(list + ": more than " + MOST + " pages; the list is not read "
                    + "further", 0, null, null);
        }
    }
}
