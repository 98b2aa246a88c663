package dev.partnerhub.operator.fake;

import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.CustomerField;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.providers.spi.model.UserState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider for fast reconciler tests: customers are created and provisioned at once, users are keyed
 * by email and provisioned at once, and a test can make the next calls fail ({@link #failNext}), lose the reply of
 * a call that was carried out ({@link #loseNextReply}) or make every call fail ({@link #unavailable}). It counts its
 * calls by operation. No licences, no people.
 */
public final class FakeProvider implements Provider, Customers, Users {

    /** The operations a test can count or make fail. */
    public enum Op { PROBE, FIND_CUSTOMER, GET_CUSTOMER, LIST_CUSTOMERS, CREATE_CUSTOMER, UPDATE_CUSTOMER, DELETE_CUSTOMER, LIST_USERS,
        CREATE_USER, UPDATE_USER, DELETE_USER }

    private static final Capabilities CAPABILITIES = new Capabilities("fake",
            new CustomerModel(CustomerField.EXTERNAL_ID, CustomerModel.Creation.EXPLICIT, Set.of(), Set.of(),
                    EnumSet.of(CustomerField.EXTERNAL_ID), Set.of(),
                    EnumSet.of(CustomerField.EXTERNAL_ID, CustomerField.DISPLAY_NAME, CustomerField.PROVISIONING_ID)),
            new UserModel(UserField.EMAIL, Set.of(), Set.of(), EnumSet.of(UserField.EMAIL),
                    EnumSet.of(UserField.EMAIL, UserField.FIRST_NAME, UserField.LAST_NAME, UserField.DISPLAY_NAME),
                    EnumSet.of(UserField.FIRST_NAME, UserField.LAST_NAME, UserField.DISPLAY_NAME)),
            Set.of(), Catalogue.NONE);

    private final Map<String, RemoteCustomer> customers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, RemoteUser>> users = new ConcurrentHashMap<>();
    private final Map<Op, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<Op, Deque<ProviderException>> failures = new ConcurrentHashMap<>();
    private final Set<Op> lostReplies = ConcurrentHashMap.newKeySet();
    private volatile ProviderException unavailable;
    private volatile UserState newUsers = UserState.PROVISIONED;

    /** The next call of {@code op} throws {@code failure} and changes nothing. */
    public void failNext(Op op, ProviderException failure) {
        failures.computeIfAbsent(op, k -> new ArrayDeque<>()).add(failure);
    }

    /** The next call of {@code op} is carried out, then its reply is lost (a timeout to the caller). */
    public void loseNextReply(Op op) {
        lostReplies.add(op);
    }

    /** Every call fails with an outage until called again with {@code false}. */
    public void unavailable(boolean down) {
        unavailable = down ? new ProviderUnavailableException("the fake provider is down", 503, List.of(), "FAKE_1",
                null, null) : null;
    }

    /** Users created from now on are in {@code state} (a pending state waits for a person), until called again. */
    public void createUsersIn(UserState state) {
        newUsers = state;
    }

    /** The calls made so far, by operation: compare two to see what happened between them. */
    public Map<Op, Integer> calls() {
        Map<Op, Integer> counts = new EnumMap<>(Op.class);
        calls.forEach((op, count) -> counts.put(op, count.get()));
        return counts;
    }

    public int calls(Op op) {
        return calls.getOrDefault(op, new AtomicInteger()).get();
    }

    public Map<String, RemoteUser> usersOf(String customerId) {
        return Map.copyOf(users.getOrDefault(customerId, Map.of()));
    }

    public Map<String, RemoteCustomer> customerRecords() {
        return Map.copyOf(customers);
    }

    private synchronized void enter(Op op) {
        calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        if (unavailable != null) {
            throw unavailable;
        }
        Deque<ProviderException> queued = failures.get(op);
        ProviderException failure = queued == null ? null : queued.poll();
        if (failure != null) {
            throw failure;
        }
    }

    private <T> T reply(Op op, T value) {
        if (lostReplies.remove(op)) {
            throw new ProviderUnavailableException("the reply of " + op + " was lost", 0, List.of(), null, null, null);
        }
        return value;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void probe() {
        enter(Op.PROBE);
    }

    @Override
    public Customers customers() {
        return this;
    }

    @Override
    public Users users() {
        return this;
    }

    @Override
    public Licensing licensing() {
        return Licensing.NONE;
    }

    @Override
    public People people() {
        return People.NONE;
    }

    @Override
    public Optional<RemoteCustomer> find(String key) {
        enter(Op.FIND_CUSTOMER);
        return customers.values().stream().filter(c -> key.equals(c.key())).findFirst();
    }

    @Override
    public Optional<RemoteCustomer> get(String customerId) {
        enter(Op.GET_CUSTOMER);
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<List<RemoteCustomer>> list() {
        enter(Op.LIST_CUSTOMERS);
        return Optional.of(List.copyOf(customers.values()));
    }

    @Override
    public String create(CustomerRequest request) {
        enter(Op.CREATE_CUSTOMER);
        String id = "cust-" + UUID.randomUUID();
        customers.put(id, new RemoteCustomer(id, "org-" + id, request.key(), RemoteCustomer.State.READY, "ready",
                List.of(), List.of(), List.of()));
        return reply(Op.CREATE_CUSTOMER, id);
    }

    @Override
    public void update(RemoteCustomer current, CustomerRequest request) {
        enter(Op.UPDATE_CUSTOMER);
    }

    @Override
    public void delete(String customerId) {
        enter(Op.DELETE_CUSTOMER);
        customers.remove(customerId);
        users.remove(customerId);
    }

    @Override
    public List<RemoteUser> list(CustomerScope customer, Instant changedSince) {
        enter(Op.LIST_USERS);
        return List.copyOf(users.getOrDefault(customer.id(), Map.of()).values());
    }

    @Override
    public RemoteUser create(CustomerScope customer, UserRequest request) {
        enter(Op.CREATE_USER);
        String id = "user-" + UUID.randomUUID();
        RemoteUser user = user(id, request);
        users.computeIfAbsent(customer.id(), k -> new LinkedHashMap<>()).put(id, user);
        return reply(Op.CREATE_USER, user);
    }

    @Override
    public RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request) {
        enter(Op.UPDATE_USER);
        String userId = current.id();
        RemoteUser user = user(userId, request);
        users.computeIfAbsent(customer.id(), k -> new LinkedHashMap<>()).put(userId, user);
        return reply(Op.UPDATE_USER, user);
    }

    @Override
    public void delete(CustomerScope customer, String userId) {
        enter(Op.DELETE_USER);
        users.getOrDefault(customer.id(), new LinkedHashMap<>()).remove(userId);
    }

    private RemoteUser user(String id, UserRequest request) {
        return new RemoteUser(id, request.key(), request.email(), id, null, newUsers, newUsers.name(), List.of(),
                Instant.now(), Instant.now(), false, new UserDetails(request.firstName(), request.lastName(),
                        request.displayName(), null, null, null, null), null);
    }
}
