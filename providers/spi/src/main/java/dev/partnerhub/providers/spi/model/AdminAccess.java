package dev.partnerhub.providers.spi.model;

/**
 * The partner's rights in a customer org: its role there, as the provider names it.
 *
 * @param fullAdmin whether the role lets the partner administer the whole org (it created the org, or the org had no
 *                  active licences when attached); otherwise it may do less, for example provision only (an automatic
 *                  attach, seed 003)
 * @param role      the role's name, as the provider's role list gives it
 */
public record AdminAccess(boolean fullAdmin, String role) {
}
