package dev.partnerhub.cli.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;

/**
 * An embedded Kubernetes API for the local mode: the Fabric8 mock server in CRUD mode, with discovery,
 * server-side printing, OpenAPI v3 documents and our resources checked against their CRDs' schemas, so that kubectl
 * works against it as against a cluster. No CEL rules, no admission webhooks, no server-side apply, no garbage
 * collection, watches over WebSocket only.
 */
public final class LocalKubernetesApi implements AutoCloseable {

    private final KubernetesMockServer server;

    private LocalKubernetesApi(KubernetesMockServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 and the given port (0: any free port). */
    public static LocalKubernetesApi start(int port) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new DiscoveryDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on port " + port + " (--api-port): " + e.getMessage()
                    + "; is another `hubctl local` running?", e);
        }
        return new LocalKubernetesApi(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public KubernetesClient client() {
        return server.createClient();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
