import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of every job of the five services, the way an external cron starts them (the cron
 * secret on each service's trigger endpoint), against the sandbox seeded with realistic data; then a
 * table per service of what was read, created and rejected, next to what the sandbox says a
 * correct sync ends with. Exits 1 when any line does not match.
 *
 * Arguments: SANDBOX_URL CRON_SECRET SCALE (1 = a few thousand records per system).
 * Services on 127.0.0.1: magento 8081, erp 8082, catalog 8083, migration 8084, package 8085.
 */
public class SystemRun {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String MAGENTO = "http://127.0.0.1:8081", ERP = "http://127.0.0.1:8082", CATALOG = "http://127.0.0.1:8083",
            MIGRATION = "http://127.0.0.1:8084", PACKAGES = "http://127.0.0.1:8085";
    static final String TEST_TENANT = "00000000-0000-0000-0000-000000000001";
    /** How long one run may take: 10 minutes per SCALE (Shopify's cost limit paces the order reads). */
    static Duration runLimit = Duration.ofMinutes(10);

    static String sandbox;
    static String secret;
    static final List<String[]> rows = new ArrayList<>();
    static boolean allMatch = true;

    public static void main(String[] args) throws Exception {
        sandbox = args[0];
        secret = args[1];
        int scale = Integer.parseInt(args[2]);
        runLimit = Duration.ofMinutes(10L * scale);

        progress("Seeding the sandbox: Magento, SoftOne, Plentymarkets/Shopware, CRM, WooCommerce/Shopify");
        JsonNode magento = post(sandbox + "/sandbox/magento/reset", "{\"orders\": " + 5000 * scale + "}", null);
        post(sandbox + "/sandbox/softone/reset", "{\"customers\": " + 2000 * scale + ", \"suppliers\": " + 300 * scale + "}", null);
        JsonNode plenty = post(sandbox + "/sandbox/plenty/main/reset", "{\"variations\": " + 1000 * scale + "}", null);
        post(sandbox + "/sandbox/shopware/main/reset", "{}", null);
        JsonNode crm = post(sandbox + "/sandbox/crm/reset", "{\"customers\": " + 300 * scale + ", \"packages\": " + 900 * scale + "}", null);
        post(sandbox + "/sandbox/commerce/reset", "{\"seed\": 5, \"sharedCustomers\": " + 800 * scale
                + ", \"wooOnlyCustomers\": " + 60 * scale + ", \"shopifyOnlyCustomers\": " + 40 * scale
                + ", \"sharedOrders\": " + 500 * scale + ", \"wooOnlyOrders\": " + 30 * scale
                + ", \"shopifyOnlyOrders\": " + 20 * scale + "}", null);

        progress("Profiles log in to the booking system (package-sync-service's login hook maps each to its CRM customer)");
        int logins = loginEveryCrmCustomer();

        progress("Firing every job through its cron endpoint");
        long magentoRun = post(MAGENTO + "/api/admin/mailing/sync-customers", "{\"fullSync\": true, \"batchSize\": 300}", secret)
                .path("data").path("runId").asLong();
        long customersRun = postAsync(ERP + "/api/cron/sync-customers", "{}").path("runId").asLong();
        long catalogConfig = post(CATALOG + "/api/tenants/" + TEST_TENANT + "/syncs", "{\"type\": \"CONFIG\"}", secret).path("jobId").asLong();
        long packagesRun = post(PACKAGES + "/api/crm/sync-packages", "{\"async\": true, \"batchSize\": 20}", secret).path("runId").asLong();
        long compareCustomers = post(MIGRATION + "/api/customers/compare", "{\"sourceOfTruth\": \"woocommerce\", \"async\": true}", secret)
                .path("comparisonId").asLong();
        long compareOrders = post(MIGRATION + "/api/orders/compare", "{\"sourceOfTruth\": \"shopify\", \"async\": true}", secret)
                .path("comparisonId").asLong();

        JsonNode magentoDone = awaitRun(MAGENTO, magentoRun, "magento consumer sync");
        JsonNode customersDone = awaitRun(ERP, customersRun, "erp customers");
        // Customers and suppliers share the SoftOne session; run them one after the other, as the schedule does.
        long suppliersRun = postAsync(ERP + "/api/cron/sync-suppliers", "{}").path("runId").asLong();
        JsonNode suppliersDone = awaitRun(ERP, suppliersRun, "erp suppliers");
        JsonNode configDone = awaitJob(catalogConfig, "catalog CONFIG");
        // A product sync needs the tenant's config cache, which the CONFIG sync fills.
        long catalogProducts = post(CATALOG + "/api/tenants/" + TEST_TENANT + "/syncs", "{\"type\": \"FULL_PRODUCT\"}", secret).path("jobId").asLong();
        JsonNode productsDone = awaitJob(catalogProducts, "catalog FULL_PRODUCT");
        JsonNode packagesDone = awaitRun(PACKAGES, packagesRun, "package bulk sync");
        JsonNode customersCompared = awaitRun(MIGRATION, compareCustomers, "compare customers");
        JsonNode ordersCompared = awaitRun(MIGRATION, compareOrders, "compare orders");

        progress("Reading what the sandbox says a correct sync ends with");
        JsonNode softone = get(sandbox + "/sandbox/softone/stats", null);
        JsonNode packageStatus = get(PACKAGES + "/api/crm/sync-packages", secret);
        JsonNode customerSummary = get(MIGRATION + "/api/customers/compare/" + compareCustomers + "?size=1", secret).path("summary");
        JsonNode orderSummary = get(MIGRATION + "/api/orders/compare/" + compareOrders + "?size=1", secret).path("summary");
        JsonNode customerTruth = get(sandbox + "/sandbox/commerce/truth?kind=customers&sourceOfTruth=woocommerce", null);
        JsonNode orderTruth = get(sandbox + "/sandbox/commerce/truth?kind=orders&sourceOfTruth=shopify", null);

        row("magento-sync", "consumer sync (full)", magentoDone, "consumers " + magentoDone.path("recordsCreated").asLong(),
                "consumers " + magento.path("distinctConsumers").asLong(),
                magentoDone.path("recordsCreated").asLong() == magento.path("distinctConsumers").asLong());
        row("erp-sync", "customers", customersDone, "customers " + customersDone.path("recordsCreated").asLong(),
                "customers " + softone.path("customers").asLong(),
                customersDone.path("recordsCreated").asLong() + customersDone.path("recordsRejected").asLong() == softone.path("customers").asLong());
        row("erp-sync", "suppliers", suppliersDone, "suppliers " + suppliersDone.path("recordsCreated").asLong(),
                "suppliers " + softone.path("suppliers").asLong(),
                suppliersDone.path("recordsCreated").asLong() + suppliersDone.path("recordsRejected").asLong() == softone.path("suppliers").asLong());
        row("catalog-sync", "CONFIG", jobAsRun(configDone), "entries " + configDone.path("counts").path("written").asLong(),
                "no rejects", "succeeded".equals(configDone.path("status").asText()) && configDone.path("counts").path("rejected").asLong() == 0);
        // One Shopware product per Plenty variation, plus a parent ("P-<item>") per item with variants.
        long variationProducts = 0;
        for (JsonNode product : get(sandbox + "/sandbox/shopware/main/products", null)) {
            if (!product.path("productNumber").asText().startsWith("P-")) {
                variationProducts++;
            }
        }
        row("catalog-sync", "FULL_PRODUCT", jobAsRun(productsDone), "products " + variationProducts,
                "variations " + plenty.path("variations").asLong(), variationProducts == plenty.path("variations").asLong());
        // What a storefront sales channel would list: every active variation, as a product of its own or as
        // a variant of a listed parent that offers the choice, each product with its cover image.
        JsonNode storefront = get(sandbox + "/sandbox/shopware/main/storefront", null);
        long listedVariations = 0, withCover = 0, parents = 0, withChoice = 0;
        for (JsonNode listed : storefront.path("products")) {
            int variants = listed.path("variants").asInt();
            listedVariations += variants > 0 ? variants : 1;
            withCover += listed.path("cover").isObject() ? 1 : 0;
            parents += variants > 0 ? 1 : 0;
            withChoice += variants > 0 && listed.path("variantChoices").size() > 0 ? 1 : 0;
        }
        long listedProducts = storefront.path("listed").asLong();
        row("catalog-sync", "storefront listing", jobAsRun(productsDone), "variations " + listedVariations,
                "active variations " + plenty.path("activeVariations").asLong(),
                listedVariations == plenty.path("activeVariations").asLong() && withCover == listedProducts && withChoice == parents);
        System.out.printf("Storefront: %d products listed (%d with a cover image), %d parents (%d offer the variant choice)%n",
                listedProducts, withCover, parents, withChoice);
        long packages = packageStatus.path("result").path("totalPackages").asLong();
        row("package-sync", "bulk (" + logins + " logins first)", packagesDone, "packages " + packages,
                "packages " + crm.path("packages").asLong(), packages == crm.path("packages").asLong());
        row("migration", "compare customers woo->shopify", customersCompared,
                "matched " + customerSummary.path("matchedCustomers").asInt() + ", only " + customerSummary.path("customersOnlyInSource").asInt(),
                "matched " + customerTruth.path("matched").asInt() + ", only " + customerTruth.path("onlyInSource").size(),
                customerSummary.path("matchedCustomers").asInt() == customerTruth.path("matched").asInt()
                        && customerSummary.path("customersOnlyInSource").asInt() == customerTruth.path("onlyInSource").size());
        row("migration", "compare orders shopify->woo", ordersCompared,
                "matched " + orderSummary.path("matchedOrders").asInt() + ", only " + orderSummary.path("ordersOnlyInSource").asInt(),
                "matched " + orderTruth.path("matched").asInt() + ", only " + orderTruth.path("onlyInSource").size(),
                orderSummary.path("matchedOrders").asInt() == orderTruth.path("matched").asInt()
                        && orderSummary.path("ordersOnlyInSource").asInt() == orderTruth.path("onlyInSource").size());
        printTable();
        System.exit(allMatch ? 0 : 1);
    }

    static int loginEveryCrmCustomer() throws Exception {
        int logins = 0;
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = get(sandbox + "/rest/v1/customers?select=id,email&order=id.asc&offset=" + offset + "&limit=1000",
                    null, "apikey", "sandbox-crm-key");
            if (page.isEmpty()) {
                return logins;
            }
            for (JsonNode customer : page) {
                if (customer.path("email").isTextual()) {
                    String profile = java.util.UUID.nameUUIDFromBytes(customer.path("id").asText().getBytes(StandardCharsets.UTF_8)).toString();
                    post(PACKAGES + "/api/hooks/login", JSON.writeValueAsString(java.util.Map.of("profileId", profile,
                            "email", customer.path("email").asText())), secret);
                    logins++;
                }
            }
        }
    }

    /** A catalog job's ledger run, so every row of the table reads alike. */
    static JsonNode jobAsRun(JsonNode job) throws Exception {
        return job.path("runId").isNumber() ? get(CATALOG + "/api/runs/" + job.path("runId").asLong(), secret) : job;
    }

    static void row(String service, String job, JsonNode run, String stored, String expected, boolean matches) {
        allMatch &= matches;
        rows.add(new String[]{service, job, run.path("status").asText(), String.valueOf(run.path("recordsRead").asLong()),
                String.valueOf(run.path("recordsCreated").asLong()), String.valueOf(run.path("recordsRejected").asLong()),
                stored, expected, matches ? "yes" : "NO"});
    }

    static void printTable() {
        String format = "%-13s %-32s %-10s %8s %8s %8s  %-22s %-22s %s%n";
        System.out.println();
        System.out.printf(format, "service", "job", "status", "read", "created", "rejected", "synced", "sandbox says", "match");
        for (String[] row : rows) {
            System.out.printf(format, (Object[]) row);
        }
        System.out.println();
    }

    static JsonNode awaitRun(String service, long runId, String what) throws Exception {
        return await(what, () -> get(service + "/api/runs/" + runId, secret), run -> !"running".equals(run.path("status").asText()));
    }

    static JsonNode awaitJob(long jobId, String what) throws Exception {
        return await(what, () -> get(CATALOG + "/api/jobs/" + jobId, secret),
                job -> job.path("status").asText().matches("succeeded|partial|dead"));
    }

    interface Check {
        JsonNode get() throws Exception;
    }

    static JsonNode await(String what, Check read, java.util.function.Predicate<JsonNode> ended) throws Exception {
        Instant deadline = Instant.now().plus(runLimit);
        Instant started = Instant.now();
        while (true) {
            JsonNode state = read.get();
            if (ended.test(state)) {
                progress(String.format("  %-22s %s after %.1f s", what, state.path("status").asText(),
                        Duration.between(started, Instant.now()).toMillis() / 1000.0));
                return state;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not end within " + runLimit.toMinutes() + " minutes: " + state);
            }
            Thread.sleep(250);
        }
    }

    static JsonNode postAsync(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Prefer", "respond-async")
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode post(String url, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static JsonNode get(String url, String bearer, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    static void progress(String message) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
