package dev.syncline.catalog.config;

import dev.syncline.catalog.plenty.PlentyClient;
import dev.syncline.catalog.plenty.PlentyClient.Resource;
import dev.syncline.catalog.plenty.PlentyRecords;
import dev.syncline.catalog.plenty.PlentyRecords.Name;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CONFIG run: categories with their hierarchy, attributes and their values, sales prices,
 * manufacturers, units and the rates of the tenant's VAT configuration, read from Plenty and written as the tenant's new config
 * cache in one transaction.
 */
@ApplicationScoped
public class ConfigSyncJob {

    private final ConfigCacheStore store;

    public ConfigSyncJob(ConfigCacheStore store) {
        this.store = store;
    }

    /**
     * The tenant's VAT configuration: Plenty's standard one, or the one valid now of the accounting
     * location (and country) the tenant names.
     */
    private static Uni<PlentyRecords.VatConfiguration> vatConfiguration(Tenant tenant, PlentyClient plenty) {
        if (tenant.vatLocationId() == null) {
            return plenty.standardVat();
        }
        return plenty.all(Resource.VAT, Map.of(), PlentyRecords.VatConfiguration.class)
                .map(all -> VatSelection.of(all, tenant.vatLocationId(), tenant.vatCountryId(), OffsetDateTime.now()));
    }

    /** What a CONFIG run cached. */
    public record Outcome(int entries) {
    }

    public Uni<Outcome> run(ActiveRun run, Tenant tenant, PlentyClient plenty) {
        String language = tenant.language();
        Reading reading = new Reading();
        return plenty.all(Resource.CATEGORIES, categoryQuery(tenant), PlentyRecords.Category.class)
                .invoke(categories -> categories.forEach(c -> reading.categories.put(c.id(), category(c, tenant))))
                .chain(() -> plenty.all(Resource.ATTRIBUTES, Map.of("with", "names"), PlentyRecords.Attribute.class))
                .invoke(attributes -> attributes.forEach(a -> reading.attributes.put(a.id(), new ConfigCache.Attribute(a.id(),
                        a.backendName(), Name.in(a.names(), language, a.backendName())))))
                .chain(attributes -> Multi.createFrom().iterable(attributes)
                        .onItem().transformToUniAndConcatenate(a -> plenty.attributeValues(a.id(), PlentyRecords.AttributeValue.class))
                        .collect().asList())
                .invoke(valueLists -> valueLists.forEach(values -> values.forEach(v -> reading.values.put(v.id(),
                        new ConfigCache.AttributeValue(v.id(), v.attributeId(), v.backendName(),
                                Name.in(v.valueNames(), language, v.backendName()))))))
                .chain(() -> plenty.all(Resource.SALES_PRICES, Map.of("with", "names,currencies"), PlentyRecords.SalesPrice.class))
                .invoke(prices -> prices.forEach(p -> reading.prices.put(p.id(), new ConfigCache.SalesPrice(p.id(),
                        Name.in(p.names(), language, "Price list " + p.id()), p.type() == null ? "" : p.type(), currency(p)))))
                .chain(() -> plenty.all(Resource.MANUFACTURERS, Map.of(), PlentyRecords.Manufacturer.class))
                .invoke(manufacturers -> manufacturers.forEach(m -> reading.manufacturers.put(m.id(),
                        new ConfigCache.Manufacturer(m.id(), m.name()))))
                .chain(() -> plenty.all(Resource.UNITS, Map.of("with", "names"), PlentyRecords.Unit.class))
                .invoke(units -> units.forEach(u -> reading.units.put(u.id(), new ConfigCache.Unit(u.id(), u.unitOfMeasurement(),
                        Name.in(u.names(), language, u.unitOfMeasurement())))))
                .chain(() -> vatConfiguration(tenant, plenty))
                .invoke(vat -> vat.vatRates().forEach(rate -> {
                    if (rate.vatRate() == null) {
                        throw new UpstreamRefused("Plentymarkets' VAT configuration " + vat.id() + " has rate "
                                + rate.id() + " without a vatRate");
                    }
                    reading.vats.put(rate.id(), rate.vatRate());
                }))
                .map(ignored -> reading.cache(run.id()))
                .chain(cache -> run.inTransaction(tx -> store.replace(tx, tenant.id(), cache)
                        .call(() -> run.total(tx, cache.entries()))
                        .call(() -> run.count(tx, new RunCounts(cache.entries(), 0, cache.entries(), 0, 0))))
                        .replaceWith(new Outcome(cache.entries())));
    }

    /** With {@code lang} Plenty answers only that language's details; the translations need them all. */
    private static Map<String, String> categoryQuery(Tenant tenant) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("type", "item", "with", "details"));
        if (tenant.translationLanguages() == null || tenant.translationLanguages().isEmpty()) {
            query.put("lang", tenant.language());
        }
        return query;
    }

    private static ConfigCache.Category category(PlentyRecords.Category category, Tenant tenant) {
        PlentyRecords.Category.Details details = category.in(tenant.language());
        Map<String, String> translations = new LinkedHashMap<>();
        if (tenant.translationLanguages() != null) {
            tenant.translationLanguages().forEach(lang -> category.detailsIn(lang)
                    .filter(d -> d.name() != null && !d.name().isBlank())
                    .ifPresent(d -> translations.put(lang, d.name())));
        }
        return new ConfigCache.Category(category.id(), category.parentCategoryId(), category.level(),
                details.name() == null ? "Category " + category.id() : details.name(),
                details.position() == null ? 0 : details.position(), translations);
    }

    private static String currency(PlentyRecords.SalesPrice price) {
        return price.currencies() == null || price.currencies().isEmpty() ? ConfigCache.SalesPrice.EVERY_CURRENCY
                : price.currencies().get(0).currency();
    }

    /** The entities read so far. */
    private static final class Reading {
        final Map<Long, ConfigCache.Category> categories = new LinkedHashMap<>();
        final Map<Long, ConfigCache.Attribute> attributes = new LinkedHashMap<>();
        final Map<Long, ConfigCache.AttributeValue> values = new LinkedHashMap<>();
        final Map<Long, ConfigCache.SalesPrice> prices = new LinkedHashMap<>();
        final Map<Long, ConfigCache.Manufacturer> manufacturers = new LinkedHashMap<>();
        final Map<Long, ConfigCache.Unit> units = new LinkedHashMap<>();
        final Map<Long, BigDecimal> vats = new LinkedHashMap<>();

        ConfigCache cache(long runId) {
            return new ConfigCache(null, runId, categories, attributes, values, prices, manufacturers, units, vats);
        }
    }
}
