package dev.partnerhub.provider;

import java.util.List;

/** A person of a customer org, with the licence IDs and role IDs it holds. */
public record RemotePerson(String id, String email, String displayName, List<String> licenses, List<String> roles) {
}
