package dev.syncline.sandbox.plenty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultInjector;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import dev.syncline.sandbox.plenty.PlentyCatalog.Variation;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Plentymarkets REST as a catalog connector uses it, one system per {@code /plenty/<instance>}:
 * login and refresh, items and variations with {@code with=} relations and {@code updatedBetween},
 * categories, attributes and their values, sales prices, manufacturers, units and VAT, item images
 * and their files ({@link PlentyImageApi}); the paging
 * envelope ({@code page}, {@code isLastPage}, {@code lastPageNumber}, …) including Plenty's habit of
 * answering a page past the end with the last page; the X-Plenty rate-limit headers and 429; the
 * server's time in the Date header. Control API under {@code /sandbox/plenty/<instance>}.
 */
public class PlentySimulator {

    static final int MAX_ITEMS_PER_PAGE = 250;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Vertx vertx;
    private final Map<String, PlentyInstance> instances = new ConcurrentHashMap<>();

    public PlentySimulator(Vertx vertx) {
        this.vertx = vertx;
    }

    private PlentyInstance instance(RoutingContext context) {
        return instances.computeIfAbsent(context.pathParam("instance"), name -> new PlentyInstance(vertx));
    }

    public void mount(Router router) {
        String rest = "/plenty/:instance/rest";
        router.route(rest + "/login*").handler(BodyHandler.create());
        router.post(rest + "/login").handler(this::login);
        router.post(rest + "/login/refresh").handler(this::refresh);
        for (String path : List.of("/categories", "/items/attributes", "/items/attributes/:attributeId/values",
                "/items/sales_prices", "/items/manufacturers", "/items/units", "/vat", "/items", "/items/variations")) {
            router.get(rest + path).handler(this::limitAndAuthorize).handler(c -> instance(c).faults.handle(c))
                    .handler(c -> read(c, path));
        }

        router.get(rest + "/vat/standard").handler(this::limitAndAuthorize).handler(c -> instance(c).faults.handle(c))
                .handler(this::standardVat);

        String control = "/sandbox/plenty/:instance";
        router.route(control + "/*").handler(BodyHandler.create());
        router.post(control + "/reset").handler(Control.raw(c -> {
            JsonNode body = Json.body(c);
            int variations = body.path("variations").asInt(0);
            if (variations < 0 || variations > 2_000_000) {
                throw new IllegalArgumentException("variations must be between 0 and 2000000");
            }
            Integer imagesPerItem = body.hasNonNull("imagesPerItem") ? body.path("imagesPerItem").asInt(-1) : null;
            if (imagesPerItem != null && (imagesPerItem < 0 || imagesPerItem > 9)) {
                throw new IllegalArgumentException("imagesPerItem must be between 0 and 9");
            }
            PlentyInstance plenty = instance(c);
            plenty.reset(body.path("seed").asLong(20251122), variations, imagesPerItem, body.path("tokenLifetimeSeconds").asLong(86_400));
            plenty.faults.set(FaultPlan.NONE);
            plenty.stockManagementFields = "stockManagement".equals(body.path("stockFields").asText("variationStock"));
            Json.send(c, 200, stats(plenty));
        }));
        router.post(control + "/changes").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("changed", plenty.catalog.change(Json.body(c).path("variations").asInt(0), plenty.now()),
                        "at", W3C.format(plenty.now())));
            }
        }));
        router.post(control + "/broken").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            JsonNode body = Json.body(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("broken", plenty.catalog.breakVariations(body.path("count").asInt(0),
                        body.path("kind").asText("missing-price"), plenty.now())));
            }
        }));
        router.post(control + "/repair").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            synchronized (plenty) {
                Json.body(c).path("ids").forEach(id -> plenty.catalog.repair(id.asLong(), plenty.now()));
            }
            Json.send(c, 200, stats(plenty));
        }));
        router.post(control + "/variations/deactivate").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            synchronized (plenty) {
                plenty.catalog.deactivate(ids(Json.body(c)), plenty.now());
            }
            Json.send(c, 200, stats(plenty));
        }));
        router.post(control + "/variations/delete").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            synchronized (plenty) {
                plenty.catalog.delete(ids(Json.body(c)));
            }
            Json.send(c, 200, stats(plenty));
        }));
        router.post(control + "/attributes/values").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            JsonNode body = Json.body(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("added", plenty.catalog.addAttributeValues(body.path("attributeId").asLong(),
                        body.path("count").asInt(0))));
            }
        }));
        router.post(control + "/categories/move").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            JsonNode body = Json.body(c);
            synchronized (plenty) {
                plenty.catalog.moveCategory(body.path("id").asLong(), body.hasNonNull("parentId") ? body.get("parentId").asLong() : null,
                        body.path("position").asInt(0), plenty.now());
            }
            Json.send(c, 200, stats(plenty));
        }));
        router.post(control + "/clock").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            plenty.advanceClock(Duration.ofMinutes(Json.body(c).path("advanceMinutes").asLong(0)));
            Json.send(c, 200, Map.of("now", W3C.format(plenty.now())));
        }));
        router.put(control + "/limits").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            JsonNode body = Json.body(c);
            plenty.shortPeriodLimit = body.path("shortPeriodLimit").asInt(10_000);
            plenty.decaySeconds = body.path("decaySeconds").asInt(10);
            Json.send(c, 200, stats(plenty));
        }));
        router.put(control + "/faults").handler(Control.raw(c -> {
            PlentyInstance plenty = instance(c);
            plenty.faults.set(Json.MAPPER.treeToValue(Json.body(c), FaultPlan.class));
            Json.send(c, 200, plenty.faults.plan());
        }));
        router.get(control + "/stats").handler(Control.raw(c -> Json.send(c, 200, stats(instance(c)))));
        // After the control body handler: the image controls read a body too.
        new PlentyImageApi(this::instance).mount(router, this::limitAndAuthorize);
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /**
     * {@code POST /rest/login} with username and password. Shape: Plenty's REST guide,
     * "Authentication" (tokenType, expiresIn, accessToken, refreshToken).
     */
    private void login(RoutingContext context) {
        PlentyInstance plenty = instance(context);
        plenty.logins.incrementAndGet();
        JsonNode body = Json.body(context);
        if (!PlentyInstance.USERNAME.equals(body.path("username").asText(null))
                || !PlentyInstance.PASSWORD.equals(body.path("password").asText(null))) {
            Json.send(context, 401, Map.of("error", "invalid_credentials", "message", "The credentials are incorrect."));
            return;
        }
        Json.send(context, 200, plenty.issueTokens());
    }

    /** {@code POST /rest/login/refresh} with {@code refresh_token}: a new pair, as Plenty's authentication guide describes. */
    private void refresh(RoutingContext context) {
        PlentyInstance plenty = instance(context);
        plenty.refreshes.incrementAndGet();
        if (!plenty.useRefresh(Json.body(context).path("refresh_token").asText(null))) {
            Json.send(context, 401, Map.of("error", "invalid_request", "message", "The refresh token is invalid."));
            return;
        }
        Json.send(context, 200, plenty.issueTokens());
    }

    /** Counts the call against the short-period window, writes the rate-limit headers, then checks the token. */
    private void limitAndAuthorize(RoutingContext context) {
        PlentyInstance plenty = instance(context);
        plenty.requests.incrementAndGet();
        context.response().putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(plenty.now()));
        int left = plenty.countCall();
        String decay = Long.toString(plenty.decayLeft());
        context.response()
                .putHeader("X-Plenty-Global-Short-Period-Limit", Integer.toString(plenty.shortPeriodLimit))
                .putHeader("X-Plenty-Global-Short-Period-Calls-Left", Integer.toString(Math.max(0, left)))
                .putHeader("X-Plenty-Global-Short-Period-Decay", decay)
                .putHeader("X-Plenty-Global-Long-Period-Limit", "100000")
                .putHeader("X-Plenty-Global-Long-Period-Calls-Left", "99999")
                .putHeader("X-Plenty-Global-Long-Period-Decay", "3600")
                .putHeader("X-Plenty-Route-Calls-Left", Integer.toString(Math.max(0, left)))
                .putHeader("X-Plenty-Route-Decay", decay);
        if (left < 0) {
            plenty.throttled.incrementAndGet();
            Json.send(context, 429, Map.of("error", "too_many_requests", "message", "Too Many Requests"));
            return;
        }
        String header = context.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (!plenty.validAccess(token)) {
            Json.send(context, 401, Map.of("error", "Unauthenticated.", "message", "Unauthenticated."));
            return;
        }
        context.next();
    }

    private void read(RoutingContext context, String path) {
        PlentyInstance plenty = instance(context);
        MultiMap query = context.queryParams();
        try {
            List<Map<String, Object>> rows;
            synchronized (plenty) {
                PlentyCatalog catalog = plenty.catalog;
                rows = switch (path) {
                    case "/categories" -> catalog.categories.stream().map(c -> category(c, query.get("lang"))).toList();
                    case "/items/attributes" -> catalog.attributes.stream().map(PlentySimulator::attribute).toList();
                    case "/items/attributes/:attributeId/values" -> attributeValues(catalog, context.pathParam("attributeId"));
                    case "/items/sales_prices" -> catalog.salesPrices.stream().map(PlentySimulator::salesPrice).toList();
                    // Manufacturers and units: REST reference, Item / Manufacturer (id, name…) and Item / Unit (id,
                    // unitOfMeasurement, names: UnitName lang, name).
                    case "/items/manufacturers" -> catalog.manufacturers.stream()
                            .map(m -> row("id", m.id(), "name", m.name())).toList();
                    case "/items/units" -> catalog.units.stream().map(u -> row("id", u.id(), "unitOfMeasurement",
                            u.unitOfMeasurement(), "names", List.of(row("lang", "de", "name", u.name())))).toList();
                    case "/vat" -> catalog.vatConfigurations.stream().map(PlentySimulator::vatConfiguration).toList();
                    case "/items" -> catalog.items.values().stream().filter(itemFilter(query))
                            .map(i -> item(catalog, i, with(query), query.get("lang"), context)).toList();
                    default -> catalog.variations.values().stream().filter(variationFilter(query))
                            .map(v -> variation(v, with(query), plenty.stockManagementFields)).toList();
                };
            }
            Map<String, Object> page = page(rows, query);
            if (Boolean.TRUE.equals(context.get(FaultInjector.MALFORMED))) {
                byte[] bytes = Json.MAPPER.writeValueAsBytes(page);
                Json.sendBytes(context, 200, Arrays.copyOf(bytes, bytes.length / 2));
                return;
            }
            Json.send(context, 200, page);
        } catch (IllegalArgumentException | java.io.IOException e) {
            Json.send(context, 422, Map.of("error", "validation", "message", e.getMessage()));
        }
    }

    /**
     * Plenty's envelope (REST reference, every list endpoint: page, totalsCount, isLastPage,
     * lastPageNumber, firstOnPage, lastOnPage, itemsPerPage, entries; 50 per page unless asked);
     * a page past the end is answered with the last page, as Plenty does.
     */
    static Map<String, Object> page(List<Map<String, Object>> rows, MultiMap query) {
        int perPage = Math.min(MAX_ITEMS_PER_PAGE, Math.max(1, number(query.get("itemsPerPage"), 50)));
        int lastPage = Math.max(1, (rows.size() + perPage - 1) / perPage);
        int page = Math.min(Math.max(1, number(query.get("page"), 1)), lastPage);
        int from = (page - 1) * perPage;
        List<Map<String, Object>> entries = rows.subList(Math.min(from, rows.size()), Math.min(rows.size(), from + perPage));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("page", page);
        envelope.put("totalsCount", rows.size());
        envelope.put("isLastPage", page == lastPage);
        envelope.put("lastPageNumber", lastPage);
        envelope.put("firstOnPage", entries.isEmpty() ? 0 : from + 1);
        envelope.put("lastOnPage", from + entries.size());
        envelope.put("itemsPerPage", perPage);
        envelope.put("entries", entries);
        return envelope;
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The given data was invalid: " + value + " is not a number");
        }
    }

    private static Predicate<PlentyCatalog.Item> itemFilter(MultiMap query) {
        Set<Long> ids = ids(query.get("id"));
        Predicate<OffsetDateTime> updated = updatedBetween(query.get("updatedBetween"));
        return item -> (ids == null || ids.contains(item.id())) && updated.test(item.updatedAt());
    }

    private static Predicate<Variation> variationFilter(MultiMap query) {
        Set<Long> ids = ids(query.get("id"));
        Set<Long> itemIds = ids(query.get("itemId"));
        Predicate<OffsetDateTime> updated = updatedBetween(query.get("updatedBetween"));
        return v -> (ids == null || ids.contains(v.id())) && (itemIds == null || itemIds.contains(v.itemId()))
                && updated.test(v.updatedAt());
    }

    private static Set<Long> ids(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (String id : list.split(",")) {
            try {
                ids.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The given data was invalid: id '" + id + "' is not a number");
            }
        }
        return ids;
    }

    /** {@code from,to} as W3C times or Unix seconds, both ends included. */
    static Predicate<OffsetDateTime> updatedBetween(String range) {
        if (range == null || range.isBlank()) {
            return at -> true;
        }
        String[] ends = range.split(",");
        if (ends.length != 2) {
            throw new IllegalArgumentException("The given data was invalid: updatedBetween needs two times separated by a comma");
        }
        Instant from = instant(ends[0]);
        Instant to = instant(ends[1]);
        return at -> !at.toInstant().isBefore(from) && !at.toInstant().isAfter(to);
    }

    private static Instant instant(String value) {
        String trimmed = value.trim();
        try {
            return trimmed.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(trimmed))
                    : OffsetDateTime.parse(trimmed.replace(' ', '+'), W3C).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The given data was invalid: '" + value + "' is not a W3C time");
        }
    }

    private static Set<String> with(MultiMap query) {
        String with = query.get("with");
        return with == null ? Set.of() : Arrays.stream(with.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    /**
     * A VAT configuration: rates 0 to 3 (A to D) of one accounting location and country, valid from
     * startedAt until invalidFrom. Shape: Plenty's REST reference, Accounting / VAT (GET /rest/vat,
     * GET /rest/vat/standard), as the swagger-generated client (models Vat, VatRate) and Plenty's own
     * Shopware connector (FetchAllVatRatesQueryHandler) read it.
     */
    private static Map<String, Object> vatConfiguration(PlentyCatalog.VatConfiguration v) {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (int i = 0; i < v.rates().size(); i++) {
            rates.add(row("id", i, "name", String.valueOf((char) ('A' + i)), "vatRate", v.rates().get(i)));
        }
        return row("id", v.id(), "countryId", v.countryId(), "taxIdNumber", "DE123456789", "locationId", v.locationId(),
                "marginScheme", "none", "isRestrictedToDigitalItems", false, "isStandard", v.isStandard(),
                "startedAt", W3C.format(v.startedAt()), "invalidFrom", v.invalidFrom() == null ? null : W3C.format(v.invalidFrom()),
                "createdAt", W3C.format(v.startedAt()), "updatedAt", W3C.format(v.startedAt()), "vatRates", rates);
    }

    private void standardVat(RoutingContext context) {
        PlentyInstance plenty = instance(context);
        synchronized (plenty) {
            Json.send(context, 200, plenty.catalog.vatConfigurations.stream().filter(PlentyCatalog.VatConfiguration::isStandard)
                    .findFirst().map(PlentySimulator::vatConfiguration).orElseThrow());
        }
    }

    /**
     * A category with its details (model CategoryDetails: categoryId, lang, name, position,
     * plentyId…), one per language it has; {@code lang} limits them to that language (Plenty's REST
     * reference, Category, GET /rest/categories with {@code with=details}). Every category has German
     * details; all but every tenth also English ones, at the same position.
     */
    private static Map<String, Object> category(PlentyCatalog.Category c, String lang) {
        List<Map<String, Object>> details = new ArrayList<>();
        details.add(row("categoryId", c.id(), "lang", "de", "name", c.name(), "position", c.position(), "plentyId", 1000));
        if (c.id() % 10 != 0) {
            details.add(row("categoryId", c.id(), "lang", "en", "name", PlentyCatalog.englishCategory(c.name()), "position",
                    c.position(), "plentyId", 1000));
        }
        return row("id", c.id(), "parentCategoryId", c.parentId(), "level", c.level(), "type", "item", "updatedAt",
                W3C.format(c.updatedAt()), "details", lang == null ? details : details.stream().filter(d -> lang.equals(d.get("lang"))).toList());
    }

    /** An attribute with its names (REST reference, Item / Attribute: models Attribute, AttributeName). */
    private static Map<String, Object> attribute(PlentyCatalog.Attribute a) {
        return row("id", a.id(), "backendName", a.backendName(), "names", List.of(row("lang", "de", "name", a.name())));
    }

    /** An attribute's values with their names (REST reference, Item / Attribute: models AttributeValue, AttributeValueName), paged. */
    private static List<Map<String, Object>> attributeValues(PlentyCatalog catalog, String attributeId) {
        long id = Long.parseLong(attributeId);
        return catalog.attributes.stream().filter(a -> a.id() == id).findFirst()
                .map(a -> a.values().stream().map(v -> row("id", v.id(), "attributeId", v.attributeId(), "backendName",
                        v.backendName(), "valueNames", List.of(row("lang", "de", "name", v.name())))).toList())
                .orElseThrow(() -> new IllegalArgumentException("No attribute " + attributeId));
    }

    /**
     * A sales price (price list). Shape: Plenty's REST reference, Item / SalesPrice (models
     * SalesPrice, SalesPriceCurrency, SalesPriceName); the type says what the list is (default,
     * rrp, specialOffer, …), a currency of "-1" stands for every currency.
     */
    private static Map<String, Object> salesPrice(PlentyCatalog.SalesPrice p) {
        return row("id", p.id(), "position", (int) p.id(), "minimumOrderQuantity", 1, "type", p.type(), "isCustomerPrice", false,
                "isDisplayedByDefault", p.isDisplayedByDefault(), "isLiveConversion", false, "interval", "none",
                "names", List.of(row("salesPriceId", p.id(), "lang", "de", "nameInternal", p.name(), "nameExternal", p.name())),
                "currencies", List.of(row("salesPriceId", p.id(), "currency", p.currency())));
    }

    /**
     * An item with its texts (model ItemText: lang, name1, description…), one per language it has;
     * {@code lang} limits them to that language (Plenty's REST reference, GET /rest/items). Every
     * item has German texts; all but every tenth also English ones. {@code with=itemImages} adds
     * its images ({@link PlentyImageApi}).
     */
    private static Map<String, Object> item(PlentyCatalog catalog, PlentyCatalog.Item i, Set<String> with, String lang,
                                            RoutingContext context) {
        List<Map<String, Object>> texts = new ArrayList<>();
        texts.add(row("lang", "de", "name1", i.name(), "description", i.description()));
        if (i.id() % 10 != 0) {
            texts.add(row("lang", "en", "name1", PlentyCatalog.english(i.name()), "description", "About " + PlentyCatalog.english(i.name())));
        }
        Map<String, Object> row = row("id", i.id(), "manufacturerId", i.manufacturerId(), "updatedAt", W3C.format(i.updatedAt()),
                "texts", lang == null ? texts : texts.stream().filter(t -> lang.equals(t.get("lang"))).toList());
        if (with.contains("itemImages")) {
            row.put("itemImages", PlentyImageApi.rows(catalog, i, PlentyImageApi.cdnBase(context)));
        }
        return row;
    }

    /**
     * A variation with the asked {@code with=} relations. Shape: Plenty's REST reference, Item /
     * Variation (GET /rest/items/variations): {@code vatId} (the rate's index in the VAT
     * configuration) is the variation's; {@code with=stock} gives one row per warehouse (model
     * VariationStock: netStock, physicalStock, reservedStock), as Plenty's Shopware connector reads it,
     * or, after a reset with {@code "stockFields": "stockManagement"}, spelled as the stock
     * management's rows (stockNet, stockPhysical, reservedStock), the spelling other readings of
     * the documentation give.
     */
    private static Map<String, Object> variation(Variation v, Set<String> with, boolean stockManagementFields) {
        Map<String, Object> row = row("id", v.id(), "itemId", v.itemId(), "number", v.number(), "isMain", v.isMain(),
                "isActive", v.isActive(), "vatId", v.vatId(), "updatedAt", W3C.format(v.updatedAt()),
                "unitId", v.unitId());
        if (with.contains("variationSalesPrices")) {
            List<Map<String, Object>> prices = new ArrayList<>();
            v.prices().forEach((list, price) -> prices.add(row("variationId", v.id(), "salesPriceId", list, "price", price)));
            row.put("variationSalesPrices", prices);
        }
        if (with.contains("variationCategories")) {
            row.put("variationCategories", v.categoryIds().stream().map(id -> row("variationId", v.id(), "categoryId", id)).toList());
        }
        if (with.contains("variationAttributeValues")) {
            row.put("variationAttributeValues", v.attributeValueIds().stream()
                    .map(id -> row("variationId", v.id(), "attributeId", id / 100, "valueId", id)).toList());
        }
        if (with.contains("variationBarcodes")) {
            row.put("variationBarcodes", List.of(row("variationId", v.id(), "barcodeId", 1, "code", v.ean())));
        }
        if (with.contains("stock")) {
            row.put("stock", List.of(stockManagementFields
                    ? row("itemId", v.itemId(), "variationId", v.id(), "warehouseId", 1, "stockPhysical", v.stock() + 2,
                            "reservedStock", 2, "stockNet", v.stock(), "reorderLevel", 0)
                    : row("itemId", v.itemId(), "variationId", v.id(), "warehouseId", 1, "physicalStock", v.stock() + 2,
                            "reservedStock", 2, "netStock", v.stock(), "reorderLevel", 0)));
        }
        if (with.contains("unit")) {
            row.put("unit", row("variationId", v.id(), "unitId", v.unitId(), "content", 1));
        }
        return row;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> stats(PlentyInstance plenty) {
        return row("items", plenty.catalog.items.size(), "variations", plenty.catalog.variations.size(),
                "activeVariations", plenty.catalog.variations.values().stream().filter(PlentyCatalog.Variation::isActive).count(),
                "requests", plenty.requests.get(), "logins", plenty.logins.get(), "refreshes", plenty.refreshes.get(),
                "throttled", plenty.throttled.get(), "faultedRequests", plenty.faults.injected(),
                "imageDownloads", plenty.imageDownloads.get(),
                "now", W3C.format(plenty.now()), "utcNow", W3C.format(plenty.now().withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
