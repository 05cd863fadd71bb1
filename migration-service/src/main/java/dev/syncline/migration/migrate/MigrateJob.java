package dev.syncline.migration.migrate;

import dev.syncline.commons.rejected.Rejection;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.migration.store.Created;
import dev.syncline.migration.store.StoreConnector;
import dev.syncline.migration.store.StoreCustomer;
import dev.syncline.migration.store.StoreOrder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Migrates records one after another, each with its own result: a record in the ID map is
 * reported as already migrated; otherwise it is created in the destination (customers before
 * their orders) and its result, its ID map entry and the run's counts commit together. One
 * failure never stops the rest.
 */
@ApplicationScoped
public class MigrateJob {

    static final String CUSTOMER = "customer";
    static final String ORDER = "order";

    private final IdMapStore idMap;
    private final MigrationStore results;

    public MigrateJob(IdMapStore idMap, MigrationStore results) {
        this.idMap = idMap;
        this.results = results;
    }

    /** The outcome a record came to, and what to record for it. */
    private record Outcome(RecordResult result, String mapKind, String mapSourceId, String mapDestinationId) {
    }

    public Uni<List<RecordResult>> customers(ActiveRun run, StoreConnector source, StoreConnector destination,
                                             List<StoreCustomer> customers) {
        int[] position = {0};
        return run.inTransaction(tx -> run.total(tx, customers.size()))
                .chain(() -> Multi.createFrom().iterable(customers)
                        .onItem().transformToUniAndConcatenate(c -> customer(source, destination, c)
                                .chain(outcome -> record(run, ++position[0], outcome, source, destination)))
                        .collect().asList());
    }

    public Uni<List<RecordResult>> orders(ActiveRun run, StoreConnector source, StoreConnector destination, List<StoreOrder> orders,
                                          boolean draft) {
        int[] position = {0};
        return run.inTransaction(tx -> run.total(tx, orders.size()))
                .chain(() -> Multi.createFrom().iterable(orders)
                        .onItem().transformToUniAndConcatenate(o -> order(run, source, destination, o, draft)
                                .chain(outcome -> record(run, ++position[0], outcome, source, destination)))
                        .collect().asList());
    }

    private Uni<Outcome> customer(StoreConnector source, StoreConnector destination, StoreCustomer c) {
        String email = c.email() == null ? null : c.email().trim();
        return idMap.destinationOf(CUSTOMER, source.platform().key(), c.id()).chain(mapped -> {
            if (mapped.isPresent()) {
                return Uni.createFrom().item(new Outcome(RecordResult.customer(email, c.id(), mapped.get(), "alreadyMigrated", null),
                        null, null, null));
            }
            return destination.createCustomer(c, reference(source, c.id()))
                    .map(created -> new Outcome(RecordResult.customer(email, c.id(), created.id(), how(created), created.warnings(), null), CUSTOMER, c.id(),
                            created.id()))
                    .onFailure().recoverWithItem(failure -> new Outcome(RecordResult.customer(email, c.id(), null, null,
                            FailureMessage.of(failure)), null, null, null));
        });
    }

    private Uni<Outcome> order(ActiveRun run, StoreConnector source, StoreConnector destination, StoreOrder o, boolean draft) {
        String reference = reference(source, o.id());
        return idMap.destinationOf(ORDER, source.platform().key(), o.id()).chain(mapped -> {
            if (mapped.isPresent()) {
                return Uni.createFrom().item(new Outcome(RecordResult.order(o.number(), o.id(), mapped.get(), "alreadyMigrated",
                        List.of(), null), null, null, null));
            }
            List<String> warnings = new ArrayList<>();
            return destination.orderIdBySource(o, reference).chain(earlier -> earlier.isPresent()
                            ? Uni.createFrom().item(new Created(earlier.get(), Created.How.EXISTED, List.of()))
                            : customerFor(run, source, destination, o, warnings)
                                    .chain(customer -> destination.createOrder(o, customer.orElse(null), reference, draft)))
                    .map(created -> {
                        List<String> all = new ArrayList<>(warnings);
                        all.addAll(created.warnings());
                        return new Outcome(RecordResult.order(o.number(), o.id(), created.id(), draft && created.how() == Created.How.CREATED
                                ? "draft" : how(created), all, null), ORDER, o.id(), created.id());
                    })
                    .onFailure().recoverWithItem(failure -> new Outcome(RecordResult.order(o.number(), o.id(), null, null, warnings,
                            FailureMessage.of(failure)), null, null, null));
        });
    }

    /**
     * The destination customer the order belongs to: one with its email; else its source account,
     * migrated first (and mapped); else none (a guest order).
     */
    private Uni<Optional<String>> customerFor(ActiveRun run, StoreConnector source, StoreConnector destination, StoreOrder o,
                                              List<String> warnings) {
        Uni<Optional<String>> byEmail = o.email() == null ? Uni.createFrom().item(Optional.empty()) : destination.customerIdByEmail(o.email());
        return byEmail.chain(found -> {
            if (found.isPresent() || o.customerId() == null) {
                return Uni.createFrom().item(found);
            }
            return idMap.destinationOf(CUSTOMER, source.platform().key(), o.customerId()).chain(mapped -> mapped.isPresent()
                    ? Uni.createFrom().item(mapped)
                    : source.customersById(List.of(o.customerId())).chain(accounts -> {
                        StoreCustomer account = accounts.get(o.customerId());
                        if (account == null) {
                            warnings.add("Its customer " + o.customerId() + " no longer exists in " + source.platform().title()
                                    + "; migrated as a guest order");
                            return Uni.createFrom().item(Optional.<String>empty());
                        }
                        return customer(source, destination, account).chain(outcome -> {
                            if (!outcome.result().success()) {
                                warnings.add("Its customer could not be migrated (" + outcome.result().error() + "); migrated as a guest order");
                                return Uni.createFrom().item(Optional.<String>empty());
                            }
                            warnings.add("created".equals(outcome.result().how())
                                    ? "Its customer " + account.id() + " was migrated first"
                                    : "Its customer " + account.id() + " was found in " + destination.platform().title() + " and linked");
                            return run.inTransaction(tx -> idMap.record(tx, CUSTOMER, source.platform().key(), account.id(),
                                            destination.platform().key(), outcome.result().newCustomerId(), outcome.result().how()))
                                    .replaceWith(Optional.of(outcome.result().newCustomerId()));
                        });
                    }));
        });
    }

    private Uni<RecordResult> record(ActiveRun run, int position, Outcome outcome, StoreConnector source, StoreConnector destination) {
        RecordResult r = outcome.result();
        RunCounts counts = !r.success() ? new RunCounts(1, 0, 0, 0, 1)
                : "created".equals(r.how()) || "draft".equals(r.how()) ? new RunCounts(1, 1, 0, 0, 0) : new RunCounts(1, 0, 0, 1, 0);
        return run.inTransaction(tx -> results.add(tx, run.id(), position, r)
                        .call(() -> outcome.mapKind() == null ? Uni.createFrom().voidItem()
                                : idMap.record(tx, outcome.mapKind(), source.platform().key(), outcome.mapSourceId(),
                                        destination.platform().key(), outcome.mapDestinationId(), r.how()))
                        .call(() -> r.success() ? Uni.createFrom().voidItem()
                                : run.reject(tx, List.of(new Rejection(r.sourceId(), r.error()))))
                        .call(() -> run.count(tx, counts)))
                .replaceWith(r);
    }

    private static String reference(StoreConnector source, String id) {
        return source.platform().key() + ":" + id;
    }

    private static String how(Created created) {
        return switch (created.how()) {
            case CREATED -> "created";
            case EXISTED -> "existed";
            case FOUND_AFTER_TIMEOUT -> "foundAfterTimeout";
        };
    }
}
