package dev.syncline.sandbox.plenty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Item images as Plentymarkets serves them: {@code GET /rest/items/{id}/images} (a bare list), the
 * {@code itemImages} relation of {@code GET /rest/items?with=itemImages}, and the files themselves at
 * the URLs the entries name, on a CDN path that needs no token. Control: change an item's images
 * ({@code POST images/change {"itemIds"}}), delete its first one ({@code POST images/delete {"itemIds"}}) or break its first one at the CDN
 * ({@code POST images/broken {"itemIds","kind":"missing|not-an-image"}}).
 */
final class PlentyImageApi {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String CDN = "/cdn/item/images/";

    private final Function<RoutingContext, PlentyInstance> instances;

    PlentyImageApi(Function<RoutingContext, PlentyInstance> instances) {
        this.instances = instances;
    }

    void mount(Router router, Handler<RoutingContext> limitAndAuthorize) {
        router.get("/plenty/:instance/rest/items/:id/images").handler(limitAndAuthorize).handler(this::list);
        // Every size (full, middle, preview, secondPreview) is the same small file here.
        router.get("/plenty/:instance" + CDN + ":itemId/:size/:file").handler(this::file);
        String control = "/sandbox/plenty/:instance/images";
        router.post(control + "/change").handler(Control.raw(c -> {
            PlentyInstance plenty = instances.apply(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("changed", plenty.catalog.images.change(itemIds(c, plenty), plenty.now())));
            }
        }));
        router.post(control + "/delete").handler(Control.raw(c -> {
            PlentyInstance plenty = instances.apply(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("deleted", plenty.catalog.images.deleteFirst(itemIds(c, plenty))));
            }
        }));
        router.post(control + "/broken").handler(Control.raw(c -> {
            PlentyInstance plenty = instances.apply(c);
            synchronized (plenty) {
                Json.send(c, 200, Map.of("broken", plenty.catalog.images.breakFirst(itemIds(c, plenty),
                        Json.body(c).path("kind").asText(PlentyImages.MISSING))));
            }
        }));
    }

    private static List<Long> itemIds(RoutingContext context, PlentyInstance plenty) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : Json.body(context).path("itemIds")) {
            if (!plenty.catalog.items.containsKey(id.asLong())) {
                throw new IllegalArgumentException("no item " + id.asText());
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private void list(RoutingContext context) {
        PlentyInstance plenty = instances.apply(context);
        long itemId;
        try {
            itemId = Long.parseLong(context.pathParam("id"));
        } catch (NumberFormatException e) {
            Json.send(context, 422, Map.of("error", "validation", "message", "The given data was invalid: id is not a number"));
            return;
        }
        synchronized (plenty) {
            PlentyCatalog.Item item = plenty.catalog.items.get(itemId);
            if (item == null) {
                Json.send(context, 404, Map.of("error", "not_found", "message", "No query results for model [Item] " + itemId));
                return;
            }
            Json.send(context, 200, rows(plenty.catalog, item, cdnBase(context)));
        }
    }

    /** The URL prefix of this system's CDN, as the caller reached the sandbox. */
    static String cdnBase(RoutingContext context) {
        return context.request().scheme() + "://" + context.request().getHeader("Host") + "/plenty/" + context.pathParam("instance") + CDN;
    }

    /**
     * An item's images. Shape: Plenty's REST reference, Item / Image (model ItemImage: id, itemId,
     * type, fileType, path, position, lastUpdate, insert, md5Checksum, width, height, size,
     * storageProviderId, cleanImageName, url, urlMiddle, urlPreview, urlSecondPreview, availabilities,
     * names with lang, name and alternate); every size is served under the item's CDN folder.
     */
    static List<Map<String, Object>> rows(PlentyCatalog catalog, PlentyCatalog.Item item, String cdnBase) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlentyImages.Image image : catalog.images.of(item.id())) {
            byte[] bytes = image.bytes();
            String name = cleanName(item, image);
            String folder = cdnBase + item.id() + "/";
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", image.id());
            row.put("itemId", item.id());
            row.put("type", "internal");
            row.put("fileType", "png");
            row.put("path", "S3:" + item.id() + ":" + name);
            row.put("position", image.position());
            row.put("lastUpdate", W3C.format(image.lastUpdate()));
            row.put("insert", W3C.format(item.updatedAt().minusDays(1)));
            row.put("md5Checksum", PlentyImages.md5(bytes));
            row.put("width", 4);
            row.put("height", 4);
            row.put("size", bytes.length);
            row.put("storageProviderId", 0);
            row.put("cleanImageName", name);
            row.put("url", folder + "full/" + name);
            row.put("urlMiddle", folder + "middle/" + name);
            row.put("urlPreview", folder + "preview/" + name);
            row.put("urlSecondPreview", folder + "secondPreview/" + name);
            row.put("availabilities", List.of(Map.of("imageId", image.id(), "type", "mandant", "value", -1)));
            row.put("names", List.of(Map.of("imageId", image.id(), "lang", "de", "name", item.name(),
                    "alternate", item.name() + " " + (image.position() + 1))));
            rows.add(row);
        }
        return rows;
    }

    /** Plenty's clean file name: the item id and the item's name with umlauts spelled out, an index, the extension. */
    static String cleanName(PlentyCatalog.Item item, PlentyImages.Image image) {
        String name = item.name().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replaceAll("[^A-Za-z0-9]+", "-");
        return item.id() + "-" + name + "-" + (image.position() + 1) + ".png";
    }

    private void file(RoutingContext context) {
        PlentyInstance plenty = instances.apply(context);
        plenty.imageDownloads.incrementAndGet();
        PlentyImages.Image image;
        String expected;
        synchronized (plenty) {
            PlentyCatalog.Item item;
            try {
                item = plenty.catalog.items.get(Long.parseLong(context.pathParam("itemId")));
            } catch (NumberFormatException e) {
                item = null;
            }
            image = item == null ? null : plenty.catalog.images.of(item.id()).stream()
                    .filter(i -> cleanName(plenty.catalog.items.get(i.itemId()), i).equals(context.pathParam("file")))
                    .findFirst().orElse(null);
            expected = image == null ? null : cleanName(item, image);
        }
        if (image == null || expected == null || PlentyImages.MISSING.equals(image.broken())) {
            context.response().setStatusCode(404).putHeader("Content-Type", "application/xml")
                    .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                            + "<Message>The specified key does not exist.</Message></Error>");
            return;
        }
        if (PlentyImages.NOT_AN_IMAGE.equals(image.broken())) {
            context.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>");
            return;
        }
        context.response().setStatusCode(200).putHeader("Content-Type", "image/png").end(Buffer.buffer(image.bytes()));
    }
}
