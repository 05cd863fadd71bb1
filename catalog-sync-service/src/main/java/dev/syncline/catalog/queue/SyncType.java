package dev.syncline.catalog.queue;

/** The seed's sync types; each is its own job (and lock) per tenant. */
public enum SyncType {
    CONFIG("config"), PRODUCT_DELTA("product-delta"), FULL_PRODUCT("full-product");

    private final String job;

    SyncType(String job) {
        this.job = job;
    }

    /** The run ledger's job name for a tenant, e.g. {@code product-delta:00000000-…}. */
    public String jobOf(java.util.UUID tenant) {
        return job + ":" + tenant;
    }

    /** The SQL expression of the same name from a sync_job row {@code j}. */
    static final String JOB_OF_ROW = "(case j.type when 'CONFIG' then 'config' when 'PRODUCT_DELTA' then 'product-delta' "
            + "else 'full-product' end) || ':' || j.tenant_id";
}
