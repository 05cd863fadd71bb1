package dev.syncline.catalog.config;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The config cache tables. A CONFIG run replaces a tenant's whole cache in its one transaction, so
 * a reader sees the old cache or the new one, never half of either.
 */
@ApplicationScoped
public class ConfigCacheStore {

    private static final List<String> TABLES = List.of("plenty_category", "plenty_category_name", "plenty_attribute", "plenty_attribute_value",
            "plenty_sales_price", "plenty_manufacturer", "plenty_unit", "plenty_vat");

    private final Pool pool;

    public ConfigCacheStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> replace(SqlClient tx, UUID tenant, ConfigCache cache) {
        Uni<Void> cleared = Uni.createFrom().voidItem();
        for (String table : TABLES) {
            cleared = cleared.call(() -> tx.preparedQuery("delete from " + table + " where tenant_id = $1").execute(Tuple.of(tenant)));
        }
        return cleared
                .call(() -> insert(tx, tenant, "plenty_category (tenant_id, id, parent_id, level, name, position)",
                        "$2::int8[], $3::int8[], $4::int4[], $5::text[], $6::int4[]", cache.categories().values(),
                        c -> new Object[] {c.id(), c.parentId(), c.level(), c.name(), c.position()}))
                .call(() -> insert(tx, tenant, "plenty_category_name (tenant_id, category_id, lang, name)",
                        "$2::int8[], $3::text[], $4::text[]", translatedNames(cache),
                        n -> new Object[] {n.categoryId(), n.lang(), n.name()}))
                .call(() -> insert(tx, tenant, "plenty_attribute (tenant_id, id, backend_name, name)",
                        "$2::int8[], $3::text[], $4::text[]", cache.attributes().values(),
                        a -> new Object[] {a.id(), a.backendName(), a.name()}))
                .call(() -> insert(tx, tenant, "plenty_attribute_value (tenant_id, id, attribute_id, backend_name, name)",
                        "$2::int8[], $3::int8[], $4::text[], $5::text[]", cache.attributeValues().values(),
                        v -> new Object[] {v.id(), v.attributeId(), v.backendName(), v.name()}))
                .call(() -> insert(tx, tenant, "plenty_sales_price (tenant_id, id, name, currency, type)",
                        "$2::int8[], $3::text[], $4::text[], $5::text[]", cache.salesPrices().values(),
                        p -> new Object[] {p.id(), p.name(), p.currency(), p.type()}))
                .call(() -> insert(tx, tenant, "plenty_manufacturer (tenant_id, id, name)", "$2::int8[], $3::text[]",
                        cache.manufacturers().values(), m -> new Object[] {m.id(), m.name()}))
                .call(() -> insert(tx, tenant, "plenty_unit (tenant_id, id, unit_of_measurement, name)",
                        "$2::int8[], $3::text[], $4::text[]", cache.units().values(),
                        u -> new Object[] {u.id(), u.unitOfMeasurement(), u.name()}))
                .call(() -> insert(tx, tenant, "plenty_vat (tenant_id, id, rate)", "$2::int8[], $3::numeric[]",
                        cache.vatRates().entrySet(), e -> new Object[] {e.getKey(), e.getValue()}))
                .call(() -> tx.preparedQuery("""
                                insert into config_cache (tenant_id, refreshed_at, run_id) values ($1, now(), $2)
                                on conflict (tenant_id) do update set refreshed_at = now(), run_id = excluded.run_id""")
                        .execute(Tuple.of(tenant, cache.runId())))
                .replaceWithVoid();
    }

    private record TranslatedName(long categoryId, String lang, String name) {
    }

    private static List<TranslatedName> translatedNames(ConfigCache cache) {
        List<TranslatedName> names = new ArrayList<>();
        cache.categories().values().forEach(c -> c.translations().forEach((lang, name) -> names.add(new TranslatedName(c.id(), lang, name))));
        return names;
    }

    /** One statement per table: the rows' columns as arrays, unnested. */
    private static <T> Uni<Void> insert(SqlClient tx, UUID tenant, String target, String arrays, java.util.Collection<T> rows,
                                        Function<T, Object[]> columns) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int width = columns.apply(rows.iterator().next()).length;
        List<List<Object>> values = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            values.add(new ArrayList<>());
        }
        for (T row : rows) {
            Object[] cells = columns.apply(row);
            for (int c = 0; c < width; c++) {
                values.get(c).add(cells[c]);
            }
        }
        Object[] parameters = new Object[width + 1];
        parameters[0] = tenant;
        for (int c = 0; c < width; c++) {
            parameters[c + 1] = typedArray(values.get(c));
        }
        String select = target.substring(target.indexOf('(') + 1, target.indexOf(')')).replace("tenant_id, ", "");
        return tx.preparedQuery("insert into " + target + " select $1, * from unnest(" + arrays + ") as t(" + select + ")")
                .execute(Tuple.from(parameters)).replaceWithVoid();
    }

    private static Object typedArray(List<Object> column) {
        Object sample = column.stream().filter(java.util.Objects::nonNull).findFirst().orElse("");
        if (sample instanceof Long) {
            return column.toArray(new Long[0]);
        }
        if (sample instanceof Integer) {
            return column.toArray(new Integer[0]);
        }
        if (sample instanceof Boolean) {
            return column.toArray(new Boolean[0]);
        }
        if (sample instanceof BigDecimal) {
            return column.toArray(new BigDecimal[0]);
        }
        return column.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** The tenant's cache, or empty when no CONFIG run has filled it yet. */
    public Uni<Optional<ConfigCache>> load(UUID tenant) {
        return pool.preparedQuery("select refreshed_at, run_id from config_cache where tenant_id = $1").execute(Tuple.of(tenant))
                .chain(state -> state.size() == 0 ? Uni.createFrom().item(Optional.<ConfigCache>empty())
                        : loadTables(tenant, state.iterator().next()).map(Optional::of));
    }

    /** The tables read one after another into one cache. */
    private static final class Loading {
        Map<Long, ConfigCache.Category> categories;
        Map<Long, ConfigCache.Attribute> attributes;
        Map<Long, ConfigCache.AttributeValue> values;
        Map<Long, ConfigCache.SalesPrice> prices;
        Map<Long, ConfigCache.Manufacturer> manufacturers;
        Map<Long, ConfigCache.Unit> units;
    }

    private Uni<ConfigCache> loadTables(UUID tenant, Row state) {
        Tuple id = Tuple.of(tenant);
        Loading loading = new Loading();
        return query("""
                        select c.id, c.parent_id, c.level, c.name, c.position,
                               coalesce(jsonb_object_agg(n.lang, n.name) filter (where n.lang is not null), '{}') as translations
                        from plenty_category c
                        left join plenty_category_name n on n.tenant_id = c.tenant_id and n.category_id = c.id
                        where c.tenant_id = $1 group by c.tenant_id, c.id order by c.id""", id,
                r -> new ConfigCache.Category(r.getLong("id"), r.getLong("parent_id"), r.getInteger("level"), r.getString("name"),
                        r.getInteger("position"), translations(r.getJsonObject("translations"))),
                ConfigCache.Category::id)
                .invoke(rows -> loading.categories = rows)
                .chain(() -> query("select id, backend_name, name from plenty_attribute where tenant_id = $1 order by id", id,
                        r -> new ConfigCache.Attribute(r.getLong("id"), r.getString("backend_name"), r.getString("name")),
                        ConfigCache.Attribute::id))
                .invoke(rows -> loading.attributes = rows)
                .chain(() -> query("select id, attribute_id, backend_name, name from plenty_attribute_value where tenant_id = $1 order by id", id,
                        r -> new ConfigCache.AttributeValue(r.getLong("id"), r.getLong("attribute_id"), r.getString("backend_name"),
                                r.getString("name")), ConfigCache.AttributeValue::id))
                .invoke(rows -> loading.values = rows)
                .chain(() -> query("select id, name, type, currency from plenty_sales_price where tenant_id = $1 order by id", id,
                        r -> new ConfigCache.SalesPrice(r.getLong("id"), r.getString("name"), r.getString("type"),
                                r.getString("currency")), ConfigCache.SalesPrice::id))
                .invoke(rows -> loading.prices = rows)
                .chain(() -> query("select id, name from plenty_manufacturer where tenant_id = $1 order by id", id,
                        r -> new ConfigCache.Manufacturer(r.getLong("id"), r.getString("name")), ConfigCache.Manufacturer::id))
                .invoke(rows -> loading.manufacturers = rows)
                .chain(() -> query("select id, unit_of_measurement, name from plenty_unit where tenant_id = $1 order by id", id,
                        r -> new ConfigCache.Unit(r.getLong("id"), r.getString("unit_of_measurement"), r.getString("name")),
                        ConfigCache.Unit::id))
                .invoke(rows -> loading.units = rows)
                .chain(() -> vatRates(id))
                .map(vats -> new ConfigCache(state.getOffsetDateTime("refreshed_at"), state.getLong("run_id"), loading.categories,
                        loading.attributes, loading.values, loading.prices, loading.manufacturers, loading.units, vats));
    }

    private static Map<String, String> translations(io.vertx.core.json.JsonObject names) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        names.forEach(entry -> byLanguage.put(entry.getKey(), String.valueOf(entry.getValue())));
        return byLanguage;
    }

    private Uni<Map<Long, BigDecimal>> vatRates(Tuple tenant) {
        return pool.preparedQuery("select id, rate from plenty_vat where tenant_id = $1 order by id").execute(tenant).map(rows -> {
            Map<Long, BigDecimal> rates = new LinkedHashMap<>();
            rows.forEach(r -> rates.put(r.getLong("id"), r.getBigDecimal("rate")));
            return rates;
        });
    }

    private <T> Uni<Map<Long, T>> query(String sql, Tuple parameters, Function<Row, T> toRecord, Function<T, Long> key) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<Long, T> byId = new LinkedHashMap<>();
            rows.forEach(row -> {
                T record = toRecord.apply(row);
                byId.put(key.apply(record), record);
            });
            return byId;
        });
    }
}
