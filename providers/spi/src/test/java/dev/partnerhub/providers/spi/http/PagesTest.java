package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void aLinkBackToAPageAlreadyReadStopsTheList() {
        Pages pages = new Pages("GET /v1/people");
        pages.follow(URI.create("https://webexapis.com/v1/people?max=100"), null);
        pages.follow(URI.create("https://webexapis.com/v1/people?max=100&cursor=abc"), null);
        assertThatThrownBy(() -> pages.follow(URI.create("https://webexapis.com/v1/people?max=100"), null))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("points back");
    }

    @Test
    void theSameLinkWithAnotherContinuationTokenIsAnotherPageButTheCountIsBounded() {
        Pages pages = new Pages("GET /v1/customers/c/users");
        URI link = URI.create("https://api.partnercenter.microsoft.com/v1/customers/c/users?seekOperation=Next");
        for (int page = 0; page < Pages.MOST; page++) {
            pages.follow(link, "token-" + page);
        }
        assertThatThrownBy(() -> pages.follow(link, "token-more")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("more than " + Pages.MOST + " pages");
    }
}
