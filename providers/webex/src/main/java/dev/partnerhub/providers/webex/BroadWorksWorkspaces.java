package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.Workspaces;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteWorkspace;
import java.util.List;
import java.util.Map;

/**
 * BroadWorks workspaces of an enterprise (the scope is its spEnterpriseId). Removing one is Cisco's
 * {@code DELETE /broadworks/workspaces/{workspaceId}}; Cisco's files document no list, so this reads the local partner
 * hub's own {@code GET /broadworks/workspaces?spEnterpriseId=}.
 */
final class BroadWorksWorkspaces implements Workspaces {

    private static final String PATH = "/broadworks/workspaces";

    private final WebexHttp http;

    BroadWorksWorkspaces(WebexHttp http) {
        this.http = http;
    }

    @Override
    public List<RemoteWorkspace> list(CustomerScope customer) {
        return http.getAll(PATH, Map.of("spEnterpriseId", customer.id(), "max", "100")).stream()
                .map(w -> new RemoteWorkspace(WebexJson.required(w, "id", "workspace"), WebexJson.text(w, "userId"),
                        WebexJson.text(w, "displayName"))).toList();
    }

    @Override
    public void delete(CustomerScope customer, String workspaceId) {
        try {
            http.delete(PATH + "/" + workspaceId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }
}
