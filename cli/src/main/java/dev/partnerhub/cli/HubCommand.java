package dev.partnerhub.cli;

import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local partner hub alone, for an operator that runs against a real cluster. */
@Command(name = "hub", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl hub --port 18089"},
        description = "Runs the local partner hub alone until "
        + "interrupted: a provider for an operator that runs against a real cluster, without a partner account.")
final class HubCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "18089",
            description = "Port of the hub; the samples' PartnerConnections point at 18089.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on; the operator must reach it (a pod in a cluster cannot reach the "
                    + "loopback of your machine).")
    String host;

    @Override
    public Integer call() throws Exception {
        LocalPartnerHub hub;
        try {
            hub = LocalPartnerHub.start(HubSettings.defaults().withHost(host).withPort(port));
        } catch (java.net.BindException e) {
            throw new java.io.IOException("port " + port + " (--port) is in use; is `hubctl local` or another "
                    + "`hubctl hub` running?", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "hubctl-hub-shutdown"));
        System.out.printf("""
                Local partner hub
                  API     %s   (spec.endpoint of a PartnerConnection)
                  token   %s   (the key of its credentials Secret)
                  admin   %s/admin   (plays the end user; see docs/local-mode.md)
                Ctrl-C stops it.
                """, hub.apiUrl(), hub.token(), hub.url());
        stopped.await();
        return 0;
    }
}
