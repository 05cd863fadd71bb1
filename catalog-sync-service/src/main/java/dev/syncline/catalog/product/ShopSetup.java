package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.config.ConfigCache;
import dev.syncline.catalog.shopware.ShopwareClient;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Before a product run writes products, the shop is read and prepared: its currencies (and which
 * is the default), its taxes (a tax is created only for a VAT rate the shop has none for), its
 * storefront sales channels and their navigation root, its product media folder; then Plenty's attributes become property
 * groups with their options, and Plenty's category tree is written under the root, parents first.
 */
@ApplicationScoped
public class ShopSetup {

    /** Defaults::SALES_CHANNEL_TYPE_STOREFRONT. */
    static final String STOREFRONT_TYPE = "8a243080f92e4c719546314b577cf82b";

    private final ObjectMapper mapper;

    public ShopSetup(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The tax id used when the shop has no tax of a rate and one is created: stable per tenant and rate. */
    static String createdTaxId(UUID tenant, BigDecimal rate) {
        return ShopwareIds.link(tenant, "tax-rate", rate.stripTrailingZeros().toPlainString(), "");
    }

    public Uni<ShopContext> prepare(Tenant tenant, ConfigCache cache, ShopwareClient shop) {
        return shop.search("currency", mapper.createObjectNode())
                .chain(currencies -> shop.search("tax", mapper.createObjectNode())
                        .chain(taxes -> salesChannels(tenant, shop)
                                .chain(channels -> rootCategory(tenant, shop, channels)
                                        .chain(root -> productMediaFolder(shop)
                                                .chain(folder -> textLanguages(tenant, shop)
                                                        .chain(languages -> context(tenant, cache, shop, currencies, taxes, channels,
                                                                root, folder, languages)))))))
                .call(context -> writePropertyGroups(tenant, cache, shop))
                .call(context -> new ShopCategories(mapper).write(tenant, cache, shop, context));
    }

    private Uni<ShopContext> context(Tenant tenant, ConfigCache cache, ShopwareClient shop, List<JsonNode> currencyRows,
                                     List<JsonNode> taxRows, List<JsonNode> channelRows, String root, String mediaFolder,
                                     List<ShopContext.TextLanguage> languages) {
        Map<String, ShopContext.Currency> currencies = new LinkedHashMap<>();
        String defaultIso = null;
        for (JsonNode currency : currencyRows) {
            String iso = currency.path("isoCode").asText();
            currencies.put(iso, new ShopContext.Currency(currency.path("id").asText(), currency.path("factor").decimalValue()));
            if (ShopwareIds.DEFAULT_CURRENCY.equals(currency.path("id").asText())) {
                defaultIso = iso;
            }
        }
        if (defaultIso == null) {
            throw new UpstreamRefused("The shop answered no default currency (id " + ShopwareIds.DEFAULT_CURRENCY + ")");
        }
        Map<BigDecimal, String> taxIds = new LinkedHashMap<>();
        taxRows.stream().sorted(Comparator.comparing(t -> t.path("position").asInt(Integer.MAX_VALUE)))
                .forEach(tax -> taxIds.putIfAbsent(tax.path("taxRate").decimalValue().stripTrailingZeros(), tax.path("id").asText()));
        List<ObjectNode> missing = new ArrayList<>();
        for (BigDecimal rate : new LinkedHashSet<>(cache.vatRates().values())) {
            BigDecimal key = rate.stripTrailingZeros();
            if (!taxIds.containsKey(key)) {
                String id = createdTaxId(tenant.id(), rate);
                taxIds.put(key, id);
                missing.add(mapper.createObjectNode().put("id", id).put("taxRate", rate).put("name", key.toPlainString() + " %"));
            }
        }
        List<String> channels = channelRows.stream().map(c -> c.path("id").asText()).toList();
        String defaultCurrency = defaultIso;
        return write(shop, "tax", missing)
                .invoke(() -> {
                    if (!missing.isEmpty()) {
                        Log.infof("Tenant %s: the shop had no tax for %d VAT rate(s); created %s", tenant.id(), missing.size(),
                                missing.stream().map(t -> t.path("name").asText()).toList());
                    }
                })
                .replaceWith(new ShopContext(defaultCurrency, currencies, taxIds, channels, root, missing.size(), mediaFolder,
                        languages));
    }

    /**
     * The folder Shopware keeps product images in (the one of the product entity's default folder):
     * media there get the thumbnails its configuration asks for. Null when the shop has none.
     */
    private Uni<String> productMediaFolder(ShopwareClient shop) {
        return shop.search("media-default-folder", filter("entity", "product"))
                .chain(defaults -> defaults.isEmpty() ? Uni.createFrom().<String>nullItem()
                        : shop.search("media-folder", filter("defaultFolderId", defaults.get(0).path("id").asText()))
                                .map(folders -> folders.isEmpty() ? null : folders.get(0).path("id").asText()));
    }

    /** The tenant's sales channels, in the order named; without a setting, every storefront channel of the shop. */
    private Uni<List<JsonNode>> salesChannels(Tenant tenant, ShopwareClient shop) {
        if (tenant.salesChannelIds() == null) {
            return shop.search("sales-channel", filter("typeId", STOREFRONT_TYPE)).invoke(channels -> {
                if (channels.isEmpty()) {
                    throw new UpstreamRefused("The shop has no storefront sales channel: products would be listed nowhere");
                }
            });
        }
        ObjectNode criteria = mapper.createObjectNode();
        ObjectNode any = criteria.putArray("filter").addObject().put("type", "equalsAny").put("field", "id");
        tenant.salesChannelIds().forEach(any.withArray("value")::add);
        return shop.search("sales-channel", criteria).map(rows -> {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            rows.forEach(row -> byId.put(row.path("id").asText(), row));
            List<String> missing = tenant.salesChannelIds().stream().filter(id -> !byId.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw new UpstreamRefused("The shop has no sales channel " + String.join(", ", missing)
                        + " of the tenant's salesChannelIds");
            }
            return tenant.salesChannelIds().stream().map(byId::get).toList();
        });
    }

    /**
     * The shop languages the texts of the tenant's languages go to, matched by locale code ("en"
     * is en-GB and en-US alike). The tenant's own language is written to the system language with
     * every product; it is written again only to other shop languages of it. A translation
     * language the shop has no language for stops the run in words.
     */
    private Uni<List<ShopContext.TextLanguage>> textLanguages(Tenant tenant, ShopwareClient shop) {
        if (tenant.translationLanguages() == null) {
            return Uni.createFrom().item(List.of());
        }
        ObjectNode criteria = mapper.createObjectNode();
        criteria.putObject("associations").putObject("locale");
        return shop.search("language", criteria).map(rows -> {
            Set<String> plentyLanguages = new LinkedHashSet<>();
            plentyLanguages.add(tenant.language());
            plentyLanguages.addAll(tenant.translationLanguages());
            List<ShopContext.TextLanguage> languages = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String language : plentyLanguages) {
                List<JsonNode> matching = rows.stream().filter(row -> localeCode(row).toLowerCase(java.util.Locale.ROOT)
                        .matches(language + "(-.*)?")).toList();
                if (matching.isEmpty() && !language.equals(tenant.language())) {
                    missing.add(language);
                }
                for (JsonNode row : matching) {
                    String id = row.path("id").asText();
                    if (!(language.equals(tenant.language()) && ShopwareIds.SYSTEM_LANGUAGE.equals(id))) {
                        languages.add(new ShopContext.TextLanguage(language, id, localeCode(row)));
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new UpstreamRefused("The shop has no language for " + String.join(", ", missing)
                        + " of the tenant's translationLanguages; it has " + String.join(", ", rows.stream().map(ShopSetup::localeCode).toList()));
            }
            return languages;
        });
    }

    private static String localeCode(JsonNode language) {
        return language.path("locale").path("code").asText("");
    }

    /** The tenant's root category, which must exist in the shop; without a setting, the first channel's navigation category. */
    private Uni<String> rootCategory(Tenant tenant, ShopwareClient shop, List<JsonNode> channels) {
        if (tenant.rootCategoryId() == null) {
            return Uni.createFrom().item(channels.get(0).path("navigationCategoryId").asText(null));
        }
        return shop.search("category", filter("id", tenant.rootCategoryId())).map(rows -> {
            if (rows.isEmpty()) {
                throw new UpstreamRefused("The shop has no category " + tenant.rootCategoryId() + " (the tenant's rootCategoryId)");
            }
            return tenant.rootCategoryId();
        });
    }

    private Uni<Void> writePropertyGroups(Tenant tenant, ConfigCache cache, ShopwareClient shop) {
        Map<Long, ObjectNode> groups = new LinkedHashMap<>();
        cache.attributes().values().forEach(attribute -> groups.put(attribute.id(), mapper.createObjectNode()
                .put("id", ShopwareIds.of(tenant.id(), "property-group", attribute.id())).put("name", attribute.name())));
        for (ConfigCache.AttributeValue value : cache.attributeValues().values()) {
            ObjectNode group = groups.get(value.attributeId());
            if (group != null) {
                group.withArray("options").addObject().put("id", ShopwareIds.of(tenant.id(), "option", value.id())).put("name", value.name());
            }
        }
        return write(shop, "property_group", new ArrayList<>(groups.values()));
    }

    /** Records the products need, written whole: a refused one stops the run naming Shopware's reasons. */
    static Uni<Void> write(ShopwareClient shop, String entity, List<ObjectNode> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return shop.upsert(entity, records).invoke(refused -> {
            if (!refused.isEmpty()) {
                throw new UpstreamRefused("Shopware refused the " + entity + " records the products need: "
                        + String.join("; ", new LinkedHashSet<>(refused.values())));
            }
        }).replaceWithVoid();
    }

    private ObjectNode filter(String field, String value) {
        ObjectNode criteria = mapper.createObjectNode();
        criteria.putArray("filter").addObject().put("type", "equals").put("field", field).put("value", value);
        return criteria;
    }

    static Set<String> isoCodes(ConfigCache cache) {
        Set<String> codes = new LinkedHashSet<>();
        cache.salesPrices().values().forEach(list -> {
            if (!ConfigCache.SalesPrice.EVERY_CURRENCY.equals(list.currency())) {
                codes.add(list.currency());
            }
        });
        return codes;
    }
}
