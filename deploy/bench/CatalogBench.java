import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark of the catalog sync against the sandbox: a Plenty catalog of VARIATIONS variations
 * answering each request after LATENCY_MS, the test tenant in api mode writing to the sandbox's
 * Shopware. Times the bare download of the pages a full sync reads (variation pages of PER_PAGE
 * with their relations, and each page's items, one request at a time as the sync reads them), then
 * a FULL_PRODUCT job without images and the sync's share of the download rate; then the same
 * catalog with one image per item into an empty shop (every image downloaded by the shop from the
 * Plenty CDN); then a PRODUCT_DELTA of CHANGED changed variations.
 *
 * Usage: java -cp <jackson jars> CatalogBench.java SANDBOX SERVICE CRON_SECRET VARIATIONS LATENCY_MS PER_PAGE CHANGED
 */
public class CatalogBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TENANT = "00000000-0000-0000-0000-000000000001";
    static final String RELATIONS = "variationSalesPrices,variationCategories,variationAttributeValues,variationBarcodes,stock,unit";

    static String sandbox;
    static String service;
    static String secret;

    public static void main(String[] args) throws Exception {
        sandbox = args[0];
        service = args[1];
        secret = args[2];
        int variations = Integer.parseInt(args[3]);
        int latency = Integer.parseInt(args[4]);
        int perPage = Integer.parseInt(args[5]);
        int changed = Integer.parseInt(args[6]);

        // Without images: the sync against the bare download of the same pages.
        JsonNode catalog = reset(variations, 0);
        System.out.printf("Plenty catalog: %d variations of %d items, %d ms per request, %d per page%n",
                catalog.path("variations").asInt(), catalog.path("items").asInt(), latency, perPage);
        JsonNode config = runJob("CONFIG");
        System.out.printf("CONFIG: %s, %d entries in %.2f s%n", config.path("status").asText(), config.path("counts").path("read").asLong(),
                config.path("durationSeconds").asDouble());
        put(sandbox + "/sandbox/plenty/main/faults", "{\"latencyMs\": " + latency + "}");

        double download = download(perPage);
        System.out.printf("bare download of the same pages: %.2f s = %.0f variations/s%n", download, variations / download);

        double seconds = fullSync("FULL_PRODUCT without images", "< 60 s");
        System.out.printf("  share of the upstream's own rate: %.2f (target >= 0.8)%n", download / seconds);

        // With one image per item, served by the sandbox's Plenty CDN and downloaded by its Shopware.
        reset(variations, 1);
        put(sandbox + "/sandbox/plenty/main/faults", "{\"latencyMs\": " + latency + "}");
        fullSync("FULL_PRODUCT with one image per item", "< 120 s");
        JsonNode storefront = get(sandbox + "/sandbox/shopware/main/storefront", null);
        long withCover = 0;
        for (JsonNode listed : storefront.path("products")) {
            withCover += listed.path("cover").isObject() ? 1 : 0;
        }
        System.out.printf("  storefront lists %d products, %d with their cover image%n", storefront.path("listed").asLong(), withCover);

        post(sandbox + "/sandbox/plenty/main/clock", "{\"advanceMinutes\": 30}", null);
        post(sandbox + "/sandbox/plenty/main/changes", "{\"variations\": " + changed + "}", null);
        JsonNode delta = runJob("PRODUCT_DELTA");
        System.out.printf("PRODUCT_DELTA: %s, %d changed variations read, %d written in %.2f s (target < 3 s)%n",
                delta.path("status").asText(), delta.path("counts").path("read").asLong(), delta.path("counts").path("written").asLong(),
                delta.path("durationSeconds").asDouble());
    }

    /** The same Plenty catalog (same seed) with this many images per item, and an empty shop. */
    static JsonNode reset(int variations, int imagesPerItem) throws Exception {
        JsonNode catalog = post(sandbox + "/sandbox/plenty/main/reset",
                "{\"variations\": " + variations + ", \"imagesPerItem\": " + imagesPerItem + "}", null);
        post(sandbox + "/sandbox/shopware/main/reset", "{}", null);
        return catalog;
    }

    /** A FULL_PRODUCT job into an empty shop; its duration in seconds. */
    static double fullSync(String label, String target) throws Exception {
        JsonNode full = runJob("FULL_PRODUCT");
        double seconds = full.path("durationSeconds").asDouble();
        long read = full.path("counts").path("read").asLong();
        JsonNode shop = get(sandbox + "/sandbox/shopware/main/stats", null);
        System.out.printf("%s: %s, %d variations, %d products sent in %.2f s = %.0f variations/s (target %s)%n",
                label, full.path("status").asText(), read, full.path("counts").path("products").asLong(), seconds, read / seconds, target);
        System.out.printf("  Shopware holds %d products (%d variants), %d media (%d files uploaded) after %d sync requests%n",
                shop.path("products").asLong(), shop.path("variants").asLong(), shop.path("media").asLong(),
                shop.path("mediaUploads").asLong(), shop.path("syncRequests").asLong());
        return seconds;
    }

    /** Variation pages and their items, one request at a time, as a full sync reads them. */
    static double download(int perPage) throws Exception {
        String token = post(sandbox + "/plenty/main/rest/login",
                "{\"username\": \"sandbox-plenty\", \"password\": \"sandbox-plenty-password\"}", null).path("accessToken").asText();
        long begin = System.nanoTime();
        for (int page = 1; ; page++) {
            JsonNode answer = get(sandbox + "/plenty/main/rest/items/variations?with=" + enc(RELATIONS) + "&lang=de&page=" + page
                    + "&itemsPerPage=" + perPage, token);
            List<String> items = new ArrayList<>();
            answer.path("entries").forEach(v -> {
                String id = v.path("itemId").asText();
                if (!items.contains(id)) {
                    items.add(id);
                }
            });
            get(sandbox + "/plenty/main/rest/items?lang=de&with=itemImages&page=1&itemsPerPage=" + items.size() + "&id=" + enc(String.join(",", items)), token);
            if (answer.path("isLastPage").asBoolean()) {
                break;
            }
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    static JsonNode runJob(String type) throws Exception {
        long job = post(service + "/api/tenants/" + TENANT + "/syncs", "{\"type\": \"" + type + "\"}", "Bearer " + secret)
                .path("jobId").asLong();
        while (true) {
            JsonNode state = get(service + "/api/jobs/" + job, "Bearer " + secret);
            String status = state.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return state;
            }
            Thread.sleep(100);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization.startsWith("Bearer ") ? authorization : "Bearer " + authorization);
        }
        return send(request.build());
    }

    static JsonNode post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static void put(String url, String body) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
