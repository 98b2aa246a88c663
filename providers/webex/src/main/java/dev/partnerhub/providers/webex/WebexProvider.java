package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ContactCenter;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.Workspaces;
import dev.partnerhub.providers.spi.model.Capabilities;
import java.util.Map;

/** One Webex partner account in one of its two models; licences and people are the same admin APIs for both. */
final class WebexProvider implements Provider {

    private final Capabilities capabilities;
    private final WebexHttp http;
    private final String probePath;
    private final Customers customers;
    private final Users users;
    private final Licensing licensing;
    private final People people;
    private final ContactCenter contactCenter;
    private final Workspaces workspaces;

    private WebexProvider(Capabilities capabilities, WebexHttp http, String probePath, Customers customers,
            Users users, Workspaces workspaces, ObjectMapper mapper) {
        this.capabilities = capabilities;
        this.http = http;
        this.probePath = probePath;
        this.customers = customers;
        this.users = users;
        this.licensing = new WebexLicensing(http, mapper);
        this.people = new WebexPeople(http, mapper);
        this.contactCenter = new WebexContactCenter(http, mapper);
        this.workspaces = workspaces;
    }

    static WebexProvider wholesale(WebexHttp http, ObjectMapper mapper) {
        return new WebexProvider(WebexCapabilities.wholesale(), http, "/wholesale/customers",
                new WholesaleCustomers(http, mapper, new PartnerAccess(http)), new WholesaleUsers(http, mapper),
                Workspaces.NONE, mapper);
    }

    static WebexProvider broadworks(WebexHttp http, ObjectMapper mapper) {
        return new WebexProvider(WebexCapabilities.broadworks(), http, "/broadworks/enterprises",
                new BroadWorksCustomers(http, new PartnerAccess(http)), new BroadWorksUsers(http, mapper),
                new BroadWorksWorkspaces(http), mapper);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void probe() {
        http.get(probePath, Map.of("max", "1"));
    }

    @Override
    public Customers customers() {
        return customers;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Licensing licensing() {
        return licensing;
    }

    @Override
    public People people() {
        return people;
    }

    @Override
    public ContactCenter contactCenter() {
        return contactCenter;
    }

    @Override
    public Workspaces workspaces() {
        return workspaces;
    }
}
