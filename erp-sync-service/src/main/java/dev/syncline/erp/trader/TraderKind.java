package dev.syncline.erp.trader;

/** Customers and suppliers share SoftOne's TRDR table and our mapping; each has its own job and table. */
public enum TraderKind {
    CUSTOMER("erp-customers", "erp_customer", "Customer", "customers"),
    SUPPLIER("erp-suppliers", "erp_supplier", "Supplier", "suppliers");

    private final String job;
    private final String table;
    private final String label;
    private final String plural;

    TraderKind(String job, String table, String label, String plural) {
        this.job = job;
        this.table = table;
        this.label = label;
        this.plural = plural;
    }

    /** The job name in the run ledger and its lock. */
    public String job() {
        return job;
    }

    public String table() {
        return table;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }
}
