package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.UndeclaredUser;
import dev.partnerhub.api.v1alpha1.UndeclaredUsers;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Pure: which of a customer's subscribers no CustomerUser declares. */
public final class Undeclared {

    static final int MAX_LISTED = 100;

    private Undeclared() {
    }

    public static UndeclaredUsers of(Collection<RemoteSubscriber> subscribers, Collection<CustomerUser> users) {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (CustomerUser u : users) {
            if (u.getStatus() != null && u.getStatus().getUserId() != null) {
                ids.add(u.getStatus().getUserId());
            }
            if (u.getSpec().getEmail() != null) {
                keys.add(u.getSpec().getEmail().toLowerCase(Locale.ROOT));
            }
            if (u.getSpec().getBroadworks() != null && u.getSpec().getBroadworks().getUserId() != null) {
                keys.add(u.getSpec().getBroadworks().getUserId());
            }
        }
        List<RemoteSubscriber> undeclared = subscribers.stream()
                .filter(s -> !ids.contains(s.id()))
                .filter(s -> !keys.contains(s.userId()) && (s.email() == null
                        || !keys.contains(s.email().toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparing(s -> Objects.toString(s.userId(), Objects.toString(s.email(), s.id()))))
                .toList();
        UndeclaredUsers result = new UndeclaredUsers();
        result.setCount(undeclared.size());
        result.setUsers(undeclared.stream().limit(MAX_LISTED).map(s -> {
            UndeclaredUser u = new UndeclaredUser();
            u.setSubscriberId(s.id());
            u.setUserId(s.userId());
            u.setEmail(s.email());
            u.setProviderStatus(s.status());
            u.setSelfActivated(s.selfActivated() ? Boolean.TRUE : null);
            return u;
        }).toList());
        return result;
    }
}
