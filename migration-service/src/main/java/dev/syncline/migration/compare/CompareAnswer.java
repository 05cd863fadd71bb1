package dev.syncline.migration.compare;

import java.util.List;

/**
 * The seed's compare answer ({@code differences}, {@code summary}) with the snapshot's id and paging:
 * {@code truncated} says more differences are stored than this answer holds.
 */
public record CompareAnswer(List<Object> differences, ComparisonSummary summary, long comparisonId, String status, String error,
                            int page, int size, int totalDifferences, boolean truncated, String csv) {
}
