package dev.partnerhub.e2e.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A node that really runs pods, added to a {@link ControlPlane} by {@code ../shared/tools/real-kube/node-up.sh}:
 * kubelet and kube-scheduler built by build.sh, containerd and runc from Debian, loopback-only pod networking (a pod
 * that must reach the API server uses host networking). Only one node runs per machine at a time. No registry is
 * reachable: images are imported ({@link #importImage}) and pods use {@code imagePullPolicy: Never}.
 */
public final class Node implements AutoCloseable {

    /** The scripts of the real-kube tool, next to the project as in the workplace. */
    private static final Path TOOLS = Path.of("..", "..", "shared", "tools", "real-kube").toAbsolutePath().normalize();

    private final Path run;

    private Node(Path run) {
        this.run = run;
    }

    /** Why no node can start here, if it cannot. */
    public static Optional<String> missing() {
        if (!Files.isExecutable(ControlPlane.binaries().resolve("kubelet"))
                || !Files.isRegularFile(ControlPlane.kubeDir().resolve("node").resolve("pause-image.tar"))) {
            return Optional.of("no kubelet or pause image in " + ControlPlane.kubeDir() + "; build them once with "
                    + "../shared/tools/real-kube/build.sh (see its README)");
        }
        if (!Files.isExecutable(TOOLS.resolve("node-up.sh"))) {
            return Optional.of("no " + TOOLS.resolve("node-up.sh"));
        }
        return Optional.empty();
    }

    /** Starts the node against the control plane (as its admin) and waits until it is Ready. */
    public static Node start(ControlPlane plane) throws IOException {
        // The kubelet makes Unix sockets under it, whose paths may not pass 108 bytes: a short directory, linked from
        // the work directory (node-run) for its logs.
        Path run = Files.createTempDirectory(Path.of("/tmp"), "phnode-");
        Files.createSymbolicLink(plane.work().resolve("node-run"), run);
        // node-up.sh and down.sh read the API server's address and the admin's credentials from RUN_DIR/kubeconfig.
        Files.writeString(run.resolve("kubeconfig"), plane.adminKubeconfigYaml());
        Node node = new Node(run);
        try {
            node.script("node-up.sh", run.toString());
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Loads an image archive (OCI or docker) into the node's containerd, under {@code name} too. */
    public void importImage(Path archive, String name) {
        String imported = script("image-import.sh", run.toString(), archive.toString());
        // The archive may name it short (partnerhub/x:tag, as Jib writes docker.io names); the kubelet asks for name.
        String shortName = imported.lines().filter(l -> l.startsWith("unpacking ")).map(l -> l.split(" ")[1])
                .findFirst().orElseThrow(() -> new IllegalStateException("nothing imported: " + imported));
        if (!shortName.equals(name)) {
            run("ctr", "-a", run.resolve("node/containerd.sock").toString(), "-n", "k8s.io", "images", "tag",
                    "--force", shortName, name);
        }
    }

    @Override
    public void close() {
        script("down.sh", run.toString());
    }

    private String script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(TOOLS.resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private String run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("KUBE_DIR", ControlPlane.kubeDir().toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
