package dev.partnerhub.e2e.support;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of Kubernetes' Pod Security Standards at level {@code restricted} (which include {@code baseline}'s), as
 * the Pod Security admission applies them to a pod: each violation as one line naming the field. An empty list is a
 * pod that a namespace enforcing {@code restricted} admits.
 */
public final class RestrictedPodSecurity {

    private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    private RestrictedPodSecurity() {
    }

    public static List<String> violations(PodSpec pod) {
        List<String> found = new ArrayList<>();
        if (Boolean.TRUE.equals(pod.getHostNetwork())) {
            found.add("spec.hostNetwork must not be true");
        }
        if (Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            found.add("spec.hostPID and spec.hostIPC must not be true");
        }
        for (Volume volume : pod.getVolumes()) {
            String type = volumeType(volume);
            if (!VOLUME_TYPES.contains(type)) {
                found.add("spec.volumes[" + volume.getName() + "] is of type " + type + ", not one restricted allows");
            }
        }
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Objects.equals(podContext.getRunAsUser(), 0L)) {
            found.add("spec.securityContext.runAsUser must not be 0");
        }
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers());
        for (Container c : containers) {
            found.addAll(violations(c, podContext));
        }
        return found;
    }

    private static List<String> violations(Container c, PodSecurityContext pod) {
        List<String> found = new ArrayList<>();
        String at = "container " + c.getName() + ": ";
        SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            found.add(at + "securityContext.privileged must not be true");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            found.add(at + "securityContext.allowPrivilegeEscalation must be false");
        }
        Capabilities caps = Optional.ofNullable(sc.getCapabilities()).orElse(new Capabilities());
        if (!caps.getDrop().contains("ALL")) {
            found.add(at + "securityContext.capabilities.drop must include ALL");
        }
        if (caps.getAdd().stream().anyMatch(cap -> !cap.equals("NET_BIND_SERVICE"))) {
            found.add(at + "securityContext.capabilities.add may hold NET_BIND_SERVICE only");
        }
        if (!Boolean.TRUE.equals(either(sc, pod, SecurityContext::getRunAsNonRoot, PodSecurityContext::getRunAsNonRoot))) {
            found.add(at + "runAsNonRoot must be true (container or pod securityContext)");
        }
        if (Objects.equals(sc.getRunAsUser(), 0L)) {
            found.add(at + "securityContext.runAsUser must not be 0");
        }
        SeccompProfile seccomp = either(sc, pod, SecurityContext::getSeccompProfile, PodSecurityContext::getSeccompProfile);
        if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
            found.add(at + "seccompProfile.type must be RuntimeDefault or Localhost (container or pod securityContext)");
        }
        for (ContainerPort port : c.getPorts()) {
            if (port.getHostPort() != null && port.getHostPort() != 0) {
                found.add(at + "ports[" + port.getName() + "].hostPort must not be set");
            }
        }
        return found;
    }

    private static <T> T either(SecurityContext container, PodSecurityContext pod,
            Function<SecurityContext, T> ofContainer, Function<PodSecurityContext, T> ofPod) {
        T own = ofContainer.apply(container);
        return own != null ? own : ofPod.apply(pod);
    }

    private static String volumeType(Volume v) {
        if (v.getConfigMap() != null) {
            return "configMap";
        } else if (v.getCsi() != null) {
            return "csi";
        } else if (v.getDownwardAPI() != null) {
            return "downwardAPI";
        } else if (v.getEmptyDir() != null) {
            return "emptyDir";
        } else if (v.getEphemeral() != null) {
            return "ephemeral";
        } else if (v.getPersistentVolumeClaim() != null) {
            return "persistentVolumeClaim";
        } else if (v.getProjected() != null) {
            return "projected";
        } else if (v.getSecret() != null) {
            return "secret";
        }
        return v.getHostPath() != null ? "hostPath" : "another";
    }
}
