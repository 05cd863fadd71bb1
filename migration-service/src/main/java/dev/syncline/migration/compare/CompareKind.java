package dev.syncline.migration.compare;

/** What a comparison compares, and what its two match keys are called in its notes. */
public enum CompareKind {
    CUSTOMERS("customers", "customer", "email", "name and phone"),
    ORDERS("orders", "order", "order number", "email, total and date");

    final String key;
    final String singular;
    final String firstKey;
    final String secondKey;

    CompareKind(String key, String singular, String firstKey, String secondKey) {
        this.key = key;
        this.singular = singular;
        this.firstKey = firstKey;
        this.secondKey = secondKey;
    }

    public String key() {
        return key;
    }
}
