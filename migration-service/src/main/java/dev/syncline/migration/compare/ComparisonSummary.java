package dev.syncline.migration.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The seed's summary, in both spellings it uses ({@code sourceCustomerCount} / {@code sourceOrderCount}, …):
 * only the kind's own fields are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonSummary(String sourceOfTruth, Integer sourceCustomerCount, Integer destinationCustomerCount,
                                Integer matchedCustomers, Integer customersOnlyInSource, Integer sourceOrderCount,
                                Integer destinationOrderCount, Integer matchedOrders, Integer ordersOnlyInSource, int ambiguous) {

    static ComparisonSummary of(CompareKind kind, String source, int sourceCount, int destinationCount, int matched, int only,
                                int ambiguous) {
        return kind == CompareKind.CUSTOMERS
                ? new ComparisonSummary(source, sourceCount, destinationCount, matched, only, null, null, null, null, ambiguous)
                : new ComparisonSummary(source, null, null, null, null, sourceCount, destinationCount, matched, only, ambiguous);
    }
}
