package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** How many users of the customer no CustomerUser declares, and the first of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UndeclaredUsers {

    @JsonPropertyDescription("How many there are.")
    private int count;

    @JsonPropertyDescription("The first 100 of them.")
    private List<UndeclaredUser> users = new ArrayList<>();

    @JsonPropertyDescription("The workspaces the provider holds for the customer (BroadWorks), the first 100: no "
            + "resource declares them; deleting a Customer the operator created removes them first.")
    private List<UndeclaredWorkspace> workspaces = new ArrayList<>();

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public List<UndeclaredUser> getUsers() {
        return users;
    }

    public void setUsers(List<UndeclaredUser> users) {
        this.users = users;
    }

    public List<UndeclaredWorkspace> getWorkspaces() {
        return workspaces;
    }

    public void setWorkspaces(List<UndeclaredWorkspace> workspaces) {
        this.workspaces = workspaces;
    }
}
