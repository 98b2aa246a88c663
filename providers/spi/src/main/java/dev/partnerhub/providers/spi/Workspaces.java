package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteWorkspace;
import java.util.List;

/**
 * The workspaces a customer holds besides its users (BroadWorks: a place's device on a BroadWorks user ID). The
 * operator declares none: it shows them among a Customer's undeclared objects, and deleting a customer it owns
 * removes them first, as the documented detach order asks.
 */
public interface Workspaces {

    /** No workspaces. */
    Workspaces NONE = new Workspaces() {
        @Override
        public List<RemoteWorkspace> list(CustomerScope customer) {
            return List.of();
        }

        @Override
        public void delete(CustomerScope customer, String workspaceId) {
            throw new UnsupportedOperationException("no workspaces");
        }
    };

    List<RemoteWorkspace> list(CustomerScope customer);

    /** Removes a workspace; one already gone counts as removed. */
    void delete(CustomerScope customer, String workspaceId);
}
