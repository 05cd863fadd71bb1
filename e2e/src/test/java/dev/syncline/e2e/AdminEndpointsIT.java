package dev.syncline.e2e;

import dev.syncline.e2e.E2eSystem.Service;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every admin endpoint of every service, as its OpenAPI document lists it with the roles it takes,
 * called with tokens from Keycloak: 401 without a token, 403 for a user without a sync role, 403
 * for a viewer where only admins may call, and 2xx for an admin with a valid request. A new
 * endpoint without a request below fails this test until it gets one.
 */
class AdminEndpointsIT {

    static final String TEST_TENANT = "00000000-0000-0000-0000-000000000001";
    static final String SPARE_TENANT = "00000000-0000-0000-0000-0000000000e2";
    static final Map<Service, Map<String, String>> fixtures = new java.util.EnumMap<>(Service.class);

    record Operation(Service service, String method, String path, List<String> roles) {
        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    record Call(String path, Object body) {
    }

    @BeforeAll
    static void arrange() {
        E2eSystem.start();
        post(E2eSystem.SANDBOX + "/sandbox/magento/reset", Map.of("orders", 300));
        post(E2eSystem.SANDBOX + "/sandbox/softone/reset", Map.of("customers", 50, "suppliers", 10));
        post(E2eSystem.SANDBOX + "/sandbox/plenty/main/reset", Map.of("variations", 40));
        post(E2eSystem.SANDBOX + "/sandbox/shopware/main/reset", Map.of());
        post(E2eSystem.SANDBOX + "/sandbox/crm/reset", Map.of("customers", 5, "packages", 10));
        post(E2eSystem.SANDBOX + "/sandbox/commerce/reset", Map.of("sharedCustomers", 20, "wooOnlyCustomers", 3,
                "sharedOrders", 10, "wooOnlyOrders", 3));

        for (Service service : Service.values()) {
            fixtures.put(service, new java.util.HashMap<>());
        }
        // One finished run per service (its {id}), and what the other path parameters name.
        fixtures.get(Service.MAGENTO).put("id", String.valueOf(awaitRun(Service.MAGENTO,
                cron(Service.MAGENTO).body(Map.of("batchSize", 100)).post("/api/admin/mailing/sync-customers")
                        .then().statusCode(202).extract().jsonPath().getLong("data.runId"))));
        fixtures.get(Service.ERP).put("id", String.valueOf(cron(Service.ERP).body(Map.of())
                .post("/api/cron/sync-customers").then().statusCode(200).extract().jsonPath().getLong("runId")));
        long configJob = cron(Service.CATALOG).body(Map.of("type", "CONFIG")).post("/api/tenants/" + TEST_TENANT + "/syncs")
                .then().statusCode(202).extract().jsonPath().getLong("jobId");
        fixtures.get(Service.CATALOG).put("jobId", String.valueOf(configJob));
        fixtures.get(Service.CATALOG).put("id", String.valueOf(awaitCatalogJob(configJob)));
        JsonPath customers = cron(Service.MIGRATION).body(Map.of("sourceOfTruth", "woocommerce"))
                .post("/api/customers/compare").then().statusCode(200).extract().jsonPath();
        JsonPath orders = cron(Service.MIGRATION).body(Map.of("sourceOfTruth", "woocommerce"))
                .post("/api/orders/compare").then().statusCode(200).extract().jsonPath();
        Map<String, String> migration = fixtures.get(Service.MIGRATION);
        migration.put("customerComparison", customers.getString("comparisonId"));
        migration.put("orderComparison", orders.getString("comparisonId"));
        migration.put("id", customers.getString("comparisonId"));
        List<String> onlyInWoo = customers.getList("differences.findAll { it.matchStatus == 'onlyInSource' }.sourceCustomerId");
        List<String> ordersOnlyInWoo = orders.getList("differences.sourceOrderId");
        assertTrue(onlyInWoo.size() >= 2 && ordersOnlyInWoo.size() >= 2, "the commerce sandbox has records to migrate");
        migration.put("customer", onlyInWoo.get(0));
        migration.put("otherCustomer", onlyInWoo.get(1));
        migration.put("order", ordersOnlyInWoo.get(0));
        migration.put("migration", cron(Service.MIGRATION).body(Map.of("sourceOfTruth", "woocommerce", "async", true,
                        "customers", List.of(Map.of("sourceCustomerId", onlyInWoo.get(0)))))
                .post("/api/customers/sync").then().statusCode(202).extract().jsonPath().getString("migrationId"));
        String profile = UUID.randomUUID().toString();
        String email = given().header("apikey", "sandbox-crm-key").get(E2eSystem.SANDBOX + "/rest/v1/customers?select=email&limit=1")
                .then().statusCode(200).extract().jsonPath().getString("[0].email");
        cron(Service.PACKAGES).body(Map.of("profileId", profile, "email", email)).post("/api/hooks/login").then().statusCode(202);
        fixtures.get(Service.PACKAGES).put("profile", profile);
        fixtures.get(Service.PACKAGES).put("email", email);
        fixtures.get(Service.PACKAGES).put("id", String.valueOf(awaitRun(Service.PACKAGES, cron(Service.PACKAGES)
                .body(Map.of("async", true)).post("/api/crm/sync-packages").then().statusCode(202).extract().jsonPath().getLong("runId"))));
        // A tenant of its own for PUT and DELETE.
        admin(Service.CATALOG).body(tenant(SPARE_TENANT, "Spare tenant")).post("/api/tenants").then().statusCode(201);
        for (Service service : Service.values()) {
            fixtures.get(service).putIfAbsent("id", String.valueOf(awaitRun(service, latestRun(service))));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyAdminEndpointChecksTheCallersRoles() {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            operations.addAll(adminOperations(service));
        }
        assertTrue(operations.size() > 60, "the services' OpenAPI documents list their admin endpoints: " + operations.size());
        // Reads first, then starts and changes; pause before resume, delete last.
        operations.sort(Comparator.comparing((Operation o) -> order(o)).thenComparing(Operation::key));
        return operations.stream().map(operation -> DynamicTest.dynamicTest(operation.service().name + " " + operation.key(),
                () -> check(operation)));
    }

    private static int order(Operation operation) {
        return switch (operation.method()) {
            case "get" -> 0;
            case "delete" -> 3;
            default -> operation.path().endsWith("/resume") ? 2 : 1;
        };
    }

    private static void check(Operation operation) {
        Call call = callFor(operation);
        Service service = operation.service();

        Response anonymous = request(service, null, call).request(operation.method(), call.path());
        assertEquals(401, anonymous.statusCode(), "without a token: " + anonymous.asString());

        Response noRole = request(service, E2eSystem.token(service, "nor"), call).request(operation.method(), call.path());
        assertEquals(403, noRole.statusCode(), "a user without a sync role: " + noRole.asString());

        if (!operation.roles().contains("sync-viewer")) {
            Response viewer = request(service, E2eSystem.token(service, "vic"), call).request(operation.method(), call.path());
            assertEquals(403, viewer.statusCode(), "a viewer where only admins may call: " + viewer.asString());
        }

        Response admin = request(service, E2eSystem.token(service, "ada"), call).request(operation.method(), call.path());
        assertTrue(admin.statusCode() >= 200 && admin.statusCode() < 300,
                "an admin with a valid request gets 2xx, got " + admin.statusCode() + ": " + admin.asString());
    }

    /** The concrete request for an operation: its path parameters filled, and a valid body. */
    private static Call callFor(Operation operation) {
        Map<String, String> known = fixtures.get(operation.service());
        String key = operation.key();
        return switch (key) {
            case "POST /api/admin/mailing/sync-customers" -> new Call(operation.path(), Map.of("batchSize", 100));
            case "POST /api/cron/sync-customers", "POST /api/cron/sync-suppliers" -> new Call(operation.path(), Map.of());
            case "POST /api/tenants" -> new Call(operation.path(), tenant(UUID.randomUUID().toString(), "Another tenant"));
            case "POST /api/tenants/test-tenant" -> new Call(operation.path(), null);
            case "PUT /api/tenants/{id}" -> new Call("/api/tenants/" + SPARE_TENANT, tenant(null, "Spare tenant, renamed"));
            case "DELETE /api/tenants/{id}" -> new Call("/api/tenants/" + SPARE_TENANT, null);
            case "GET /api/tenants/{id}" -> new Call("/api/tenants/" + TEST_TENANT, null);
            case "POST /api/tenants/{tenantId}/syncs" -> new Call("/api/tenants/" + TEST_TENANT + "/syncs", Map.of("type", "CONFIG"));
            case "GET /api/jobs/{jobId}" -> new Call("/api/jobs/" + known.get("jobId"), null);
            case "POST /api/customers/compare", "POST /api/orders/compare" -> new Call(operation.path(), Map.of("sourceOfTruth", "woocommerce"));
            case "GET /api/customers/compare/{id}", "GET /api/customers/compare/{id}.csv" ->
                    new Call(operation.path().replace("{id}", known.get("customerComparison")), null);
            case "GET /api/orders/compare/{id}", "GET /api/orders/compare/{id}.csv" ->
                    new Call(operation.path().replace("{id}", known.get("orderComparison")), null);
            case "POST /api/customers/sync" -> new Call(operation.path(), Map.of("sourceOfTruth", "woocommerce",
                    "customers", List.of(Map.of("sourceCustomerId", known.get("otherCustomer")))));
            case "POST /api/orders/sync" -> new Call(operation.path(), Map.of("sourceOfTruth", "woocommerce", "draft", true,
                    "orders", List.of(Map.of("sourceOrderId", known.get("order")))));
            case "GET /api/migrations/{id}" -> new Call("/api/migrations/" + known.get("migration"), null);
            case "POST /api/crm/sync-packages" -> new Call(operation.path(), Map.of("async", true));
            case "POST /api/hooks/login" -> new Call(operation.path(), Map.of("profileId", known.get("profile"), "email", known.get("email")));
            case "POST /api/hooks/booking-created" -> new Call(operation.path(), Map.of("profileId", known.get("profile")));
            default -> generic(operation, known);
        };
    }

    private static Call generic(Operation operation, Map<String, String> known) {
        String path = operation.path()
                .replace("{tenantId}", TEST_TENANT)
                .replace("{job}", "cron-trigger-poll")
                .replace("{id}", known.get("id"));
        if (path.contains("{")) {
            fail("No request for " + operation.service().name + " " + operation.key() + ": add one to AdminEndpointsIT.callFor");
        }
        return new Call(path, operation.method().equals("get") ? null : Map.of());
    }

    private static List<Operation> adminOperations(Service service) {
        JsonPath api = given().queryParam("format", "json").get(service.url() + "/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, spec) -> {
            Object security = spec.get("security");
            if (!path.startsWith("/api/") || !(security instanceof List<?> requirements) || requirements.isEmpty()) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> roles = ((Map<String, List<String>>) requirements.get(0)).values().iterator().next();
            if (!roles.isEmpty()) {
                operations.add(new Operation(service, method, path, roles));
            }
        }));
        return operations;
    }

    static Map<String, Object> tenant(String id, String name) {
        Map<String, Object> tenant = new java.util.HashMap<>(Map.of("name", name,
                "plentyUrl", E2eSystem.SANDBOX + "/plenty/main", "plentyUsername", "sandbox-plenty",
                "plentyPassword", "sandbox-plenty-password", "shopwareMode", "mock", "language", "de", "active", false));
        if (id != null) {
            tenant.put("id", id);
        }
        return tenant;
    }

    private static RequestSpecification request(Service service, String token, Call call) {
        RequestSpecification request = given().baseUri(service.url()).redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request.contentType(ContentType.JSON).body(call.body());
        }
        return request;
    }

    static RequestSpecification cron(Service service) {
        return given().baseUri(service.url()).auth().oauth2(E2eSystem.get("CRON_SECRET")).contentType(ContentType.JSON);
    }

    static RequestSpecification admin(Service service) {
        return given().baseUri(service.url()).auth().oauth2(E2eSystem.token(service, "ada")).contentType(ContentType.JSON);
    }

    static void post(String url, Object body) {
        given().contentType(ContentType.JSON).body(body).post(url).then().statusCode(200);
    }

    static long latestRun(Service service) {
        return cron(service).get("/api/runs").then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    static long awaitRun(Service service, long runId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String status = cron(service).get("/api/runs/" + runId).then().statusCode(200).extract().path("status");
            if (!"running".equals(status)) {
                return runId;
            }
            sleep(200);
        }
        throw new AssertionError(service.name + " run " + runId + " did not end within 2 minutes");
    }

    static long awaitCatalogJob(long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = cron(Service.CATALOG).get("/api/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            if (job.getString("status").matches("succeeded|partial|dead")) {
                assertEquals("succeeded", job.getString("status"), job.prettify());
                return job.getLong("runId");
            }
            sleep(200);
        }
        throw new AssertionError("catalog job " + jobId + " did not end within 2 minutes");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
