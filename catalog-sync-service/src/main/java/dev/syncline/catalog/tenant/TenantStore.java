package dev.syncline.catalog.tenant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants, credentials encrypted. */
@ApplicationScoped
public class TenantStore {

    private static final String COLUMNS = "id, name, plenty_url, plenty_username, plenty_password, shopware_mode, shopware_url, "
            + "shopware_client_id, shopware_client_secret, language, active, config_schedule, product_schedule, vat_location_id, "
            + "vat_country_id, sales_channel_ids, root_category_id, translation_languages, retired_products, created_at, updated_at";

    private final Pool pool;

    public TenantStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Tenant> save(Tenant t) {
        return pool.preparedQuery("""
                        insert into tenant (%s) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, now(), now())
                        on conflict (id) do update set name = excluded.name, plenty_url = excluded.plenty_url,
                               plenty_username = excluded.plenty_username, plenty_password = excluded.plenty_password,
                               shopware_mode = excluded.shopware_mode, shopware_url = excluded.shopware_url,
                               shopware_client_id = excluded.shopware_client_id,
                               shopware_client_secret = excluded.shopware_client_secret, language = excluded.language,
                               active = excluded.active, config_schedule = excluded.config_schedule,
                               product_schedule = excluded.product_schedule, vat_location_id = excluded.vat_location_id,
                               vat_country_id = excluded.vat_country_id, sales_channel_ids = excluded.sales_channel_ids,
                               root_category_id = excluded.root_category_id,
                               translation_languages = excluded.translation_languages,
                               retired_products = excluded.retired_products, updated_at = now()
                        returning %s""".formatted(COLUMNS, COLUMNS))
                .execute(Tuple.from(new Object[] {t.id(), t.name(), t.plentyUrl(), t.plentyUsername(), t.plentyPassword(),
                        t.shopwareMode(), t.shopwareUrl(), t.shopwareClientId(), t.shopwareClientSecret(), t.language(),
                        t.active(), t.configSchedule(), t.productSchedule(), t.vatLocationId(), t.vatCountryId(),
                        t.salesChannelIds() == null ? null : t.salesChannelIds().toArray(String[]::new), t.rootCategoryId(),
                        t.translationLanguages() == null ? null : t.translationLanguages().toArray(String[]::new), t.retiredProducts()}))
                .map(rows -> toTenant(rows.iterator().next()));
    }

    public Uni<Optional<Tenant>> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from tenant where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTenant(rows.iterator().next())));
    }

    public Uni<List<Tenant>> all() {
        return pool.query("select " + COLUMNS + " from tenant order by name, id").execute().map(TenantStore::tenants);
    }

    public Uni<List<Tenant>> active() {
        return pool.query("select " + COLUMNS + " from tenant where active order by id").execute().map(TenantStore::tenants);
    }

    /** Deletes a tenant with its jobs, state and caches; false when it has a job running. */
    public Uni<Boolean> deleteUnlessRunning(UUID id) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select 1 from sync_job where tenant_id = $1 and status = 'running' for update")
                .execute(Tuple.of(id))
                .chain(running -> running.size() > 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("delete from tenant where id = $1").execute(Tuple.of(id)).replaceWith(true)));
    }

    private static List<Tenant> tenants(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Tenant> tenants = new ArrayList<>();
        rows.forEach(row -> tenants.add(toTenant(row)));
        return tenants;
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getUUID("id"), row.getString("name"), row.getString("plenty_url"),
                row.getString("plenty_username"), row.getString("plenty_password"), row.getString("shopware_mode"),
                row.getString("shopware_url"), row.getString("shopware_client_id"), row.getString("shopware_client_secret"),
                row.getString("language"), row.getBoolean("active"), row.getString("config_schedule"),
                row.getString("product_schedule"), row.getInteger("vat_location_id"), row.getInteger("vat_country_id"),
                row.getArrayOfStrings("sales_channel_ids") == null ? null : List.of(row.getArrayOfStrings("sales_channel_ids")),
                row.getString("root_category_id"),
                row.getArrayOfStrings("translation_languages") == null ? null : List.of(row.getArrayOfStrings("translation_languages")),
                row.getString("retired_products"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
