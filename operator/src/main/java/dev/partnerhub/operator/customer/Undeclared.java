package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.UndeclaredUser;
import dev.partnerhub.api.v1alpha1.UndeclaredUsers;
import dev.partnerhub.api.v1alpha1.UndeclaredWorkspace;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.RemoteWorkspace;
import dev.partnerhub.providers.spi.model.UserField;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Pure: which of a customer's users in the provider no CustomerUser declares. */
public final class Undeclared {

    static final int MAX_LISTED = 100;

    private Undeclared() {
    }

    /** The customer's workspaces, the first 100 (no resource declares them). */
    public static List<UndeclaredWorkspace> workspaces(List<RemoteWorkspace> workspaces) {
        return workspaces.stream().sorted(Comparator.comparing(RemoteWorkspace::id)).limit(MAX_LISTED).map(w -> {
            UndeclaredWorkspace u = new UndeclaredWorkspace();
            u.setWorkspaceId(w.id());
            u.setUserId(w.userId());
            u.setDisplayName(w.displayName());
            return u;
        }).toList();
    }

    public static UndeclaredUsers of(Collection<RemoteUser> remote, Collection<CustomerUser> users) {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (CustomerUser u : users) {
            if (u.getStatus() != null && u.getStatus().getUserId() != null) {
                ids.add(u.getStatus().getUserId());
            }
            for (UserField field : List.of(UserField.EMAIL, UserField.USER_ID)) {
                String value = UserFields.declared(u.getSpec(), field);
                if (value != null) {
                    keys.add(value.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<RemoteUser> undeclared = remote.stream()
                .filter(s -> !ids.contains(s.id()))
                .filter(s -> (s.key() == null || !keys.contains(s.key().toLowerCase(Locale.ROOT))) && (s.email() == null
                        || !keys.contains(s.email().toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparing(s -> Objects.toString(s.key(), Objects.toString(s.email(), s.id()))))
                .toList();
        UndeclaredUsers result = new UndeclaredUsers();
        result.setCount(undeclared.size());
        result.setUsers(undeclared.stream().limit(MAX_LISTED).map(s -> {
            UndeclaredUser u = new UndeclaredUser();
            u.setSubscriberId(s.id());
            u.setUserId(s.key() != null && !s.key().equalsIgnoreCase(Objects.toString(s.email(), "")) ? s.key() : null);
            u.setEmail(s.email());
            u.setProviderStatus(s.status());
            u.setSelfActivated(s.selfActivated() ? Boolean.TRUE : null);
            return u;
        }).toList());
        return result;
    }
}
