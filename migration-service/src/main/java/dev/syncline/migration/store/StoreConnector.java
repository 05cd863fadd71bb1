package dev.syncline.migration.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One store as the compare and the migration use it: read everything page by page, read some by id, create. */
public interface StoreConnector {

    Platform platform();

    /** Every customer, a page at a time. */
    Multi<List<StoreCustomer>> customers();

    /** Every order, a page at a time. */
    Multi<List<StoreOrder>> orders();

    /** These customers by id (absent ids are missing from the map). */
    Uni<Map<String, StoreCustomer>> customersById(List<String> ids);

    Uni<Map<String, StoreOrder>> ordersById(List<String> ids);

    /** The customer with this email, if any (case-insensitive). */
    Uni<Optional<String>> customerIdByEmail(String email);

    /**
     * Creates the customer; an email (or phone) the store already has answers the existing record
     * ({@code EXISTED}); a create whose answer never came is looked up before it is tried again.
     */
    Uni<Created> createCustomer(StoreCustomer customer, String sourceReference);

    /** An order an earlier migration created from this source record (found by the reference it carries). */
    Uni<Optional<String>> orderIdBySource(StoreOrder order, String sourceReference);

    /** Creates the order (as a draft where the store has drafts and {@code draft} is asked). */
    Uni<Created> createOrder(StoreOrder order, String customerId, String sourceReference, boolean draft);
}
