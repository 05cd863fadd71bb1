package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Shopware 6 Admin API as a catalog connector uses it, one shop per {@code /shopware/<instance>}:
 * {@code POST /api/oauth/token} (client credentials, 10-minute tokens), {@code POST /api/_action/sync}
 * written as one transaction with Shopware's refusals ({@link ShopwareSync}), and
 * {@code POST /api/_action/media/{id}/upload} ({@link ShopwareMediaUpload}), and
 * {@code POST /api/search/<entity>} ({@link ShopwareSearch}) for products, categories, taxes,
 * currencies, sales channels, languages, media, property groups and options. Shapes:
 * Shopware's Admin API description (npm @shopware/api-client, api-types/adminApiSchema.json) and,
 * where it is silent, the DAL's source. Control API under {@code /sandbox/shopware/<instance>},
 * including the storefront view of a sales channel ({@link ShopwareStorefront}) and the request
 * bodies received.
 */
public class ShopwareSimulator {

    private final Vertx vertx;
    private final Map<String, ShopwareInstance> instances = new ConcurrentHashMap<>();
    private final ShopwareMediaUpload media;

    public ShopwareSimulator(Vertx vertx) {
        this.vertx = vertx;
        this.media = new ShopwareMediaUpload(vertx, this::instance);
    }

    private ShopwareInstance instance(RoutingContext context) {
        return instances.computeIfAbsent(context.pathParam("instance"), name -> new ShopwareInstance(vertx));
    }

    public void mount(Router router) {
        String api = "/shopware/:instance/api";
        router.route(api + "/*").handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        router.post(api + "/oauth/token").handler(this::token);
        router.post(api + "/_action/sync").handler(this::authorize).handler(c -> instance(c).faults.handle(c)).handler(this::sync);
        router.post(api + "/search/:entity").handler(this::authorize).handler(this::search);
        router.post(api + "/_action/media/:mediaId/upload").handler(this::authorize).handler(media::upload);
        router.get("/shopware/:instance/media/:file").handler(this::file);

        String control = "/sandbox/shopware/:instance";
        router.route(control + "/*").handler(BodyHandler.create());
        router.post(control + "/reset").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            JsonNode body = Json.body(c);
            shop.reset(body.path("tokenLifetimeSeconds").asLong(600));
            shop.faults.set(FaultPlan.NONE);
            if (body.hasNonNull("defaultCurrencyIso")) {
                synchronized (shop) {
                    defaultCurrency(shop.store, body.get("defaultCurrencyIso").asText());
                }
            }
            Json.send(c, 200, stats(shop));
        }));
        router.put(control + "/faults").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            shop.faults.set(Json.MAPPER.treeToValue(Json.body(c), FaultPlan.class));
            Json.send(c, 200, shop.faults.plan());
        }));
        router.get(control + "/stats").handler(Control.raw(c -> Json.send(c, 200, stats(instance(c)))));
        router.get(control + "/products").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ShopwareSearch(shop.store).products());
            }
        }));
        router.get(control + "/entities/:entity").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Map<String, ObjectNode> rows = shop.store.of(c.pathParam("entity").replace('-', '_'));
                if (rows == null) {
                    throw new IllegalArgumentException("No entity " + c.pathParam("entity"));
                }
                Json.send(c, 200, new ArrayList<>(rows.values()));
            }
        }));
        router.get(control + "/storefront/:salesChannelId").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ShopwareStorefront(shop.store).of(c.pathParam("salesChannelId")));
            }
        }));
        router.get(control + "/storefront").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ShopwareStorefront(shop.store).of(ShopwareStore.STOREFRONT));
            }
        }));
        router.get(control + "/uploads").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ArrayList<>(shop.uploads));
            }
        }));
        router.get(control + "/requests").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ArrayList<>(shop.received));
            }
        }));
    }

    /** A shop whose default currency is another one: Defaults::CURRENCY takes that ISO code, EUR gets an id of its own. */
    private static void defaultCurrency(ShopwareStore store, String iso) {
        ObjectNode current = store.of("currency").get(ShopwareStore.DEFAULT_CURRENCY);
        ObjectNode other = store.of("currency").values().stream().filter(c -> iso.equals(c.path("isoCode").asText())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The sandbox shop has no currency " + iso));
        if (other == current) {
            return;
        }
        String otherId = other.get("id").asText();
        JsonNode currentIso = current.get("isoCode");
        JsonNode currentName = current.get("name");
        current.set("isoCode", other.get("isoCode"));
        current.set("name", other.get("name"));
        other.set("isoCode", currentIso);
        other.set("name", currentName);
        other.put("factor", 1.05);
        store.of("currency").put(otherId, other);
    }

    /** An uploaded file, as the shop's public file system serves it. */
    private void file(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        byte[] bytes;
        synchronized (shop) {
            bytes = shop.store.files.get(context.pathParam("file"));
        }
        if (bytes == null) {
            context.response().setStatusCode(404).end();
            return;
        }
        context.response().putHeader("Content-Type", String.valueOf(ShopwareMediaUpload.imageType(bytes)))
                .end(io.vertx.core.buffer.Buffer.buffer(bytes));
    }

    private void token(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        JsonNode body = Json.body(context);
        if (!"client_credentials".equals(body.path("grant_type").asText())) {
            Json.send(context, 400, error("400", "The authorization grant type is not supported by the authorization server.", null));
            return;
        }
        if (!ShopwareInstance.CLIENT_ID.equals(body.path("client_id").asText())
                || !ShopwareInstance.CLIENT_SECRET.equals(body.path("client_secret").asText())) {
            Json.send(context, 401, error("401", "Client authentication failed", null));
            return;
        }
        Json.send(context, 200, Map.of("token_type", "Bearer", "expires_in", shop.tokenLifetimeSeconds,
                "access_token", shop.issueToken()));
    }

    private void authorize(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (!instance(context).valid(token)) {
            Json.send(context, 401, error("401", "The resource owner or authorization server denied the request.", null));
            return;
        }
        context.next();
    }

    private void sync(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        shop.syncRequests.incrementAndGet();
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            Json.send(context, 400, error("400", e.getMessage(), null));
            return;
        }
        ShopwareSync.Outcome outcome;
        synchronized (shop) {
            shop.received.addLast(body);
            while (shop.received.size() > ShopwareInstance.KEPT_REQUESTS) {
                shop.received.removeFirst();
            }
            String language = context.request().getHeader("sw-language-id");
            outcome = language == null ? ShopwareSync.apply(shop.store, body) : ShopwareTranslations.apply(shop.store, body, language);
        }
        if (outcome.status() != 200) {
            shop.rejectedRequests.incrementAndGet();
        }
        Json.send(context, outcome.status(), outcome.body());
    }

    private void search(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        String entity = context.pathParam("entity").replace('-', '_');
        JsonNode criteria = Json.body(context);
        Map<String, Object> answer;
        try {
            synchronized (shop) {
                answer = new ShopwareSearch(shop.store).search(entity, criteria);
            }
        } catch (ShopwareSearch.Refused refused) {
            Json.send(context, 400, error("400", refused.getMessage(), refused.code));
            return;
        }
        Json.send(context, 200, answer);
    }

    private static Map<String, Object> error(String status, String detail, String code) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status);
        entry.put("title", status.equals("401") ? "Unauthorized" : "Bad Request");
        entry.put("detail", detail);
        if (code != null) {
            entry.put("code", code);
        }
        return Map.of("errors", List.of(entry));
    }

    private static Map<String, Object> stats(ShopwareInstance shop) {
        synchronized (shop) {
            ShopwareStore store = shop.store;
            long variants = store.of("product").values().stream().filter(p -> p.hasNonNull("parentId")).count();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("products", store.size("product"));
            stats.put("variants", variants);
            stats.put("categories", store.size("category"));
            stats.put("taxes", store.size("tax"));
            stats.put("propertyGroups", store.size("property_group"));
            stats.put("visibilities", store.size("product_visibility"));
            stats.put("configuratorSettings", store.size("product_configurator_setting"));
            stats.put("media", store.size("media"));
            stats.put("productMedia", store.size("product_media"));
            stats.put("mediaUploads", shop.mediaUploads.get());
            stats.put("refusedUploads", shop.refusedUploads.get());
            stats.put("syncRequests", shop.syncRequests.get());
            stats.put("rejectedRequests", shop.rejectedRequests.get());
            stats.put("tokensIssued", shop.tokensIssued.get());
            stats.put("faultedRequests", shop.faults.injected());
            return stats;
        }
    }
}
