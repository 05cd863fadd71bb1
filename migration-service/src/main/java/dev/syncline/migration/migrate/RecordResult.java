package dev.syncline.migration.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One record's result, in the seed's words: customers carry {@code email} and {@code newCustomerId}
 * (and {@code warnings} when there are some, e.g. an address Shopify refused), orders
 * {@code orderNumber}, {@code newOrderId} and {@code warnings}. {@code how} says what happened
 * (created, alreadyMigrated, existed, foundAfterTimeout, draft). Stored as JSON by hand, so registered
 * for reflection.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(String email, String orderNumber, String sourceId, boolean success, String newCustomerId,
                           String newOrderId, String error, List<String> warnings, String how) {

    static RecordResult customer(String email, String sourceId, String newId, String how, String error) {
        return customer(email, sourceId, newId, how, List.of(), error);
    }

    static RecordResult customer(String email, String sourceId, String newId, String how, List<String> warnings, String error) {
        return new RecordResult(email, null, sourceId, error == null, newId, null, error, warnings.isEmpty() ? null : warnings, how);
    }

    static RecordResult order(String number, String sourceId, String newId, String how, List<String> warnings, String error) {
        return new RecordResult(null, number, sourceId, error == null, null, newId, error, warnings, how);
    }
}
