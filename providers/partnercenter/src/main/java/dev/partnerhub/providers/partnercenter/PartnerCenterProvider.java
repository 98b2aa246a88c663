package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.model.Capabilities;
import java.util.Map;

/** One Microsoft Partner Center account: its customer tenants, their users and licences. */
final class PartnerCenterProvider implements Provider {

    private static final Capabilities CAPABILITIES = PartnerCenterCapabilities.of();

    private final PartnerCenterHttp http;
    private final PartnerCenterCustomers customers;
    private final PartnerCenterUsers users;
    private final PartnerCenterLicensing licensing;
    private final PartnerCenterPeople people;

    PartnerCenterProvider(PartnerCenterHttp http, ObjectMapper mapper) {
        this.http = http;
        this.customers = new PartnerCenterCustomers(http);
        this.users = new PartnerCenterUsers(http, mapper);
        this.people = new PartnerCenterPeople(http, users, mapper);
        this.licensing = new PartnerCenterLicensing(http, users, people, mapper);
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** The first page of the partner's customers: authenticated, changes nothing. */
    @Override
    public void probe() {
        http.json().get("/v1/customers", Map.of("size", "1"));
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

    /** The user record holds every field; its permissions are directory roles of the tenant. */
    @Override
    public People people() {
        return people;
    }
}
