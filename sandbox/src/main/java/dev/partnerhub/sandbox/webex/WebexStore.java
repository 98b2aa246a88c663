package dev.partnerhub.sandbox.webex;

import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.webex.WebexRecords.Customer;
import dev.partnerhub.sandbox.webex.WebexRecords.Enterprise;
import dev.partnerhub.sandbox.webex.WebexRecords.ExistingOrg;
import dev.partnerhub.sandbox.webex.WebexRecords.License;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import dev.partnerhub.sandbox.webex.WebexRecords.Template;
import dev.partnerhub.sandbox.webex.WebexRecords.Workspace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The hub's records. Asynchronous work (provisioning a customer or a subscriber) is modelled by a due time:
 * {@link #settle()} moves every record whose due time has passed to its next status, so a read always sees
 * what the hub would have done by then. Callers hold the store's monitor.
 */
final class WebexStore {

    final Map<String, ExistingOrg> orgs = new LinkedHashMap<>();
    /** Emails of people who already hold a consumer (free or trial) Webex account. */
    final java.util.Set<String> consumerAccounts = new java.util.LinkedHashSet<>();
    /** How many consent-to-move emails each subscriber was sent. */
    final Map<String, Integer> consentEmails = new LinkedHashMap<>();
    final Map<String, License> licenses = new LinkedHashMap<>();
    final Map<String, Person> people = new LinkedHashMap<>();
    final Clock clock;
    final Map<String, Template> templates = new LinkedHashMap<>();
    final Map<String, Customer> customers = new LinkedHashMap<>();
    final Map<String, Enterprise> enterprises = new LinkedHashMap<>();
    final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    /** Email domains an org has claimed (lower case), and the org: its users are external to every other org. */
    final Map<String, String> claimedDomains = new LinkedHashMap<>();
    Duration customerDelay;
    Duration subscriberDelay;
    /** How long a new person stays out of the org's people list (Webex's list lags behind the person's creation). */
    Duration peopleListDelay = Duration.ZERO;
    /** Whether the token's person is a partner full administrator, for whom Webex lists no managed orgs. */
    boolean partnerFullAdmin;
    final WebexIndex index = new WebexIndex();

    WebexStore(Clock clock, Duration customerDelay, Duration subscriberDelay) {
        this.clock = clock;
        this.customerDelay = customerDelay;
        this.subscriberDelay = subscriberDelay;
    }

    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static String newId(String type) {
        String raw = "ciscospark://us/" + type + "/" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    Template template(String provisioningId) {
        Template template = templates.get(provisioningId);
        if (template == null) {
            throw HubError.badRequest(WebexCodes.HUB_UNKNOWN_TEMPLATE, "Invalid provisioningId: no customer template has the provisioning ID "
                    + provisioningId + ".");
        }
        return template;
    }

    Customer customer(String id) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw HubError.notFound("Customer " + id);
        }
        return customer;
    }

    Subscriber subscriber(String id, boolean broadworks) {
        Subscriber s = subscribers.get(id);
        if (s == null || s.broadworks != broadworks) {
            throw HubError.notFound("Subscriber " + id);
        }
        return s;
    }

    Optional<Subscriber> subscriberByEmail(String email) {
        return index.withEmail(email).stream().findFirst();
    }

    void addSubscriber(Subscriber s) {
        subscribers.put(s.id, s);
        index.add(s);
    }

    void setEmail(Subscriber s, String email) {
        index.removeEmail(s);
        s.email = email;
        index.addEmail(s);
    }

    Optional<Enterprise> enterprise(String spEnterpriseId) {
        return enterprises.values().stream().filter(e -> e.spEnterpriseId.equals(spEnterpriseId)).findFirst();
    }

    void setStatus(Subscriber s, String status, Duration dueIn) {
        s.status = status;
        s.lastStatusChange = now();
        s.due = dueIn == null ? null : now().plus(dueIn);
        index.due(s);
    }

    /** The org of a subscriber: its wholesale customer's, or its BroadWorks enterprise's. */
    String orgOf(Subscriber s) {
        if (s.broadworks) {
            return enterprise(s.spEnterpriseId).map(e -> e.orgId).orElse(null);
        }
        Customer c = customers.get(s.customerId);
        return c == null ? null : c.orgId;
    }

    void ensureCatalog(String orgId) {
        if (orgId == null || !index.licensesOf(orgId).isEmpty()) {
            return;
        }
        for (String name : LicenseCatalog.NAMES) {
            License l = new License();
            l.id = newId("LICENSE");
            l.orgId = orgId;
            l.name = name;
            l.siteUrl = LicenseCatalog.MEETINGS.equals(name) ? meetingSite(orgId) : null;
            l.totalUnits = LicenseCatalog.DEFAULT_UNITS;
            licenses.put(l.id, l);
            index.addLicense(l);
        }
    }

    /**
     * The meeting site of an org, the hub's own convention (Cisco's files do not say how a site is named): the first
     * label of its customer's primary email domain (admin@acme.example.com: acme.webex.com), else of its external ID
     * or BroadWorks enterprise, else of the org's name.
     */
    String meetingSite(String orgId) {
        String seed = customers.values().stream().filter(c -> orgId.equals(c.orgId)).findFirst()
                .map(c -> c.primaryEmail != null ? c.primaryEmail.substring(c.primaryEmail.indexOf('@') + 1)
                        : c.externalId)
                .or(() -> enterprises.values().stream().filter(e -> orgId.equals(e.orgId)).findFirst()
                        .map(e -> e.spEnterpriseId.substring(e.spEnterpriseId.indexOf('+') + 1)))
                .or(() -> java.util.Optional.ofNullable(orgs.get(orgId)).map(o -> o.name))
                .orElse("site");
        String label = seed.split("[.@ ]")[0].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return (label.isEmpty() ? "site" : label) + ".webex.com";
    }

    /** A provisioned subscriber is a person of its org, holding its package's licences. */
    void providePerson(Subscriber s) {
        if (s.personId == null) {
            s.personId = newId("PEOPLE");
        }
        index.person(s);
        String orgId = orgOf(s);
        ensureCatalog(orgId);
        Person p = people.computeIfAbsent(s.personId, id -> {
            Person created = new Person();
            created.listedFrom = now().plus(peopleListDelay);
            return created;
        });
        index.removePerson(p);
        p.id = s.personId;
        p.orgId = orgId;
        index.addPerson(p);
        setPackageLicenses(p, null, s.packageName);
    }

    /** Changes a subscriber's package; a provisioned one swaps the old package's licences for the new one's. */
    void changePackage(Subscriber s, String newPackage) {
        Person person = s.personId == null ? null : people.get(s.personId);
        if (person != null) {
            setPackageLicenses(person, s.packageName, newPackage);
        }
        s.packageName = newPackage;
    }

    /** Swaps the licences of the old package for those of the new one. */
    void setPackageLicenses(Person p, String oldPackage, String newPackage) {
        for (String name : packageLicenses(oldPackage)) {
            licenseNamed(p.orgId, name).ifPresent(l -> {
                l.holders.remove(p.id);
                p.licenses.remove(l.id);
            });
        }
        for (String name : packageLicenses(newPackage)) {
            licenseNamed(p.orgId, name).ifPresent(l -> {
                l.holders.add(p.id);
                p.licenses.add(l.id);
            });
        }
    }

    private static List<String> packageLicenses(String packageName) {
        return packageName == null ? List.of() : LicenseCatalog.PACKAGE_LICENSES.getOrDefault(packageName, List.of());
    }

    Optional<License> licenseNamed(String orgId, String name) {
        return index.licensesOf(orgId).stream().filter(l -> l.name.equals(name)).findFirst();
    }

    /** Forgets a removed subscriber's person and frees its seats. */
    void removePerson(String personId) {
        Person p = personId == null ? null : people.remove(personId);
        if (p != null) {
            index.removePerson(p);
            p.licenses.forEach(id -> {
                License l = licenses.get(id);
                if (l != null) {
                    l.holders.remove(personId);
                }
            });
        }
    }

    /** Whether an email belongs to someone with a consumer account, who must consent to move. */
    boolean hasConsumerAccount(String email) {
        return email != null && consumerAccounts.stream().anyMatch(email::equalsIgnoreCase);
    }

    /** Where a subscriber with a trusted or validated email goes next: consent first for an existing account. */
    void onboard(Subscriber s) {
        if (hasConsumerAccount(s.email)) {
            setStatus(s, "pending_user_migration", null);
        } else {
            setStatus(s, "provisioning", subscriberDelay);
        }
    }

    /** Removes a subscriber; a BroadWorks enterprise goes with its last subscriber and workspace. */
    void removeSubscriber(Subscriber s) {
        subscribers.remove(s.id);
        index.remove(s);
        removePerson(s.personId);
        if (s.broadworks) {
            removeEnterpriseIfEmpty(s.spEnterpriseId);
        }
    }

    void removeWorkspace(Workspace w) {
        workspaces.remove(w.id);
        removeEnterpriseIfEmpty(w.spEnterpriseId);
    }

    private void removeEnterpriseIfEmpty(String spEnterpriseId) {
        if (subscribers.values().stream().noneMatch(x -> x.broadworks && spEnterpriseId.equals(x.spEnterpriseId))
                && workspaces.values().stream().noneMatch(w -> spEnterpriseId.equals(w.spEnterpriseId))) {
            enterprises.values().stream().filter(e -> e.spEnterpriseId.equals(spEnterpriseId))
                    .forEach(e -> orgs.values().stream().filter(o -> e.id.equals(o.attachedTo)).forEach(o -> {
                        o.attachedTo = null;
                        o.partnerRole = null;
                    }));
            enterprises.values().removeIf(e -> e.spEnterpriseId.equals(spEnterpriseId));
        }
    }

    /** Completes every asynchronous step whose due time has passed. */
    void settle() {
        Instant now = now();
        customers.values().stream().filter(c -> "deleting".equals(c.status) && !c.due.isAfter(now))
                .forEach(c -> orgs.values().stream().filter(o -> c.id.equals(o.attachedTo)).forEach(o -> {
                    o.attachedTo = null;
                    o.partnerRole = null;
                }));
        customers.values().removeIf(c -> "deleting".equals(c.status) && !c.due.isAfter(now));
        for (Customer c : customers.values()) {
            if (c.due != null && !c.due.isAfter(now)
                    && ("provisioning".equals(c.status) || "updating".equals(c.status))) {
                c.status = "provisioned";
                c.due = null;
                if (c.orgId == null) {
                    c.orgId = newId("ORGANIZATION");
                }
                ensureCatalog(c.orgId);
            }
        }
        for (Subscriber s : index.unsettled()) {
            if (s.due != null && !s.due.isAfter(now)
                    && ("provisioning".equals(s.status) || "updating".equals(s.status))) {
                s.status = "provisioned";
                s.lastStatusChange = s.due;
                s.due = null;
                index.due(s);
                if (s.broadworks) {
                    enterprise(s.spEnterpriseId).filter(e -> e.orgId == null)
                            .ifPresent(e -> e.orgId = newId("ORGANIZATION"));
                }
                providePerson(s);
            }
        }
    }
}
