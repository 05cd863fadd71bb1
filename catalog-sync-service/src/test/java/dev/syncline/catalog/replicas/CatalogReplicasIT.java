package dev.syncline.catalog.replicas;

import dev.syncline.catalog.support.PlentySandbox;
import dev.syncline.catalog.support.PlentyTruth;
import dev.syncline.catalog.support.ShopwareSandbox;
import dev.syncline.commons.testing.FreshDatabaseResource;
import dev.syncline.sandbox.testing.SandboxTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged service on one database, as they run in production: full product
 * syncs of several tenants are enqueued, one replica is killed (SIGKILL) while it runs jobs, and the
 * other rescues them. Every job ends succeeded, every tenant's shop holds each product once, and a
 * job that was not rescued was run exactly once (one pass of sync requests).
 */
class CatalogReplicasIT {

    private static final int TENANTS = 6;
    private static final int VARIATIONS = 400;
    private static final int PER_PAGE = 50;
    private static final String KEY = "q0Mz1lEj4mRk1yVp0tS9pBz2c8nWnq7wKXg0S2vH6dE=";
    private static final Pattern WORKER = Pattern.compile("Catalog job workers started as (worker-[0-9a-f]+)");

    private static final FreshDatabaseResource DATABASE = new FreshDatabaseResource();
    private static final SandboxTestResource SANDBOX = new SandboxTestResource();
    private static final OidcWiremockTestResource ISSUER = new OidcWiremockTestResource();
    private static String jdbcUrl;
    private static String sandboxUrl;
    private static String issuerUrl;
    private static final List<Replica> replicas = new ArrayList<>();

    private record Replica(Process process, String url, Path log) {
        String worker() throws IOException {
            Matcher m = WORKER.matcher(Files.readString(log));
            return m.find() ? m.group(1) : null;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        jdbcUrl = DATABASE.start().get("quarkus.datasource.jdbc.url");
        sandboxUrl = SANDBOX.start().get("sandbox.url");
        System.setProperty("sandbox.url", sandboxUrl);
        issuerUrl = ISSUER.start().get("keycloak.url");
        replicas.add(launch("a"));
        replicas.add(launch("b"));
        for (Replica replica : replicas) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> given().baseUri(replica.url()).get("/q/health/ready").statusCode() == 200);
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(r -> r.process().destroyForcibly());
        ISSUER.stop();
        SANDBOX.stop();
        DATABASE.stop();
    }

    @Test
    void aJobOfAKilledReplicaIsRunAgainByTheOtherAndNoJobRunsTwice() throws Exception {
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        List<String> tenants = new ArrayList<>();
        for (int n = 1; n <= TENANTS; n++) {
            PlentySandbox plenty = new PlentySandbox("r" + n);
            plenty.reset(VARIATIONS);
            new ShopwareSandbox("r" + n).reset();
            tenants.add(createTenant(n % 2 == 0 ? a : b, n));
        }
        for (String tenant : tenants) {
            assertEquals("succeeded", awaitEnd(b, enqueue(a, tenant, "CONFIG")).getString("status"));
        }
        for (int n = 1; n <= TENANTS; n++) {
            new PlentySandbox("r" + n).faults(Map.of("latencyMs", 100));
        }

        Map<String, Long> jobs = new HashMap<>();
        for (String tenant : tenants) {
            jobs.put(tenant, enqueue(b, tenant, "FULL_PRODUCT"));
        }
        String doomed = a.worker();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> runningWithProgress(doomed).isPresent());
        a.process().destroyForcibly().waitFor();

        Map<String, JsonPath> ended = new HashMap<>();
        for (String tenant : tenants) {
            ended.put(tenant, awaitEnd(b, jobs.get(tenant)));
        }
        int rescued = 0;
        for (int n = 1; n <= TENANTS; n++) {
            String tenant = tenants.get(n - 1);
            JsonPath job = ended.get(tenant);
            assertEquals("succeeded", job.getString("status"), job.prettify());
            ShopwareSandbox shop = new ShopwareSandbox("r" + n);
            PlentySandbox plenty = new PlentySandbox("r" + n);
            plenty.faults(Map.of());
            assertEquals(new PlentyTruth(plenty).expectedProducts(), PlentyTruth.byNumber(shop.products()).size(),
                    "tenant " + n + " holds each product once");
            assertEquals(1, count("select count(*) from catalog_sync.sync_run where job = 'full-product:" + tenant
                    + "' and status = 'succeeded'"), "one run of tenant " + n + " succeeded");
            // An attempt opens one run at most: the killed replica may have claimed a job and died
            // before its run opened, which leaves an attempt without a run, never a run too many.
            long runs = count("select count(*) from catalog_sync.sync_run where job = 'full-product:" + tenant + "'");
            assertTrue(runs >= 1 && runs <= job.getInt("attempts"), "at most one run per attempt: " + runs + " runs, "
                    + job.getInt("attempts") + " attempts");
            if (job.getInt("attempts") == 1) {
                // per page one request for its items' media entities and one for its products, after the
                // run's property groups and category tree (the shop has every tax)
                assertEquals(2 * (VARIATIONS / PER_PAGE) + 2, shop.stats().getInt("syncRequests"), "tenant " + n + "'s job ran once");
            } else {
                rescued++;
            }
        }
        assertTrue(rescued >= 1, "the killed replica's job was rescued");
        assertTrue(Files.readString(b.log()).contains("job(s) again whose worker stopped"), "the rescue is logged");
    }

    private static Optional<Long> runningWithProgress(String worker) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", null);
             ResultSet rows = db.createStatement().executeQuery("""
                     select j.id from catalog_sync.sync_job j join catalog_sync.sync_run r on r.id = j.last_run_id
                     where j.status = 'running' and j.claimed_by = '%s' and r.records_read > 0""".formatted(worker))) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", null);
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String createTenant(Replica replica, int n) {
        return given().baseUri(replica.url()).auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Replica tenant " + n, "plentyUrl", new PlentySandbox("r" + n).restUrl(),
                        "plentyUsername", "sandbox-plenty", "plentyPassword", "sandbox-plenty-password", "shopwareMode", "api",
                        "shopwareUrl", new ShopwareSandbox("r" + n).apiUrl(), "shopwareClientId", "SWIASANDBOXCLIENT",
                        "shopwareClientSecret", "sandbox-shopware-secret"))
                .post("/api/tenants").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static long enqueue(Replica replica, String tenant, String type) {
        return given().baseUri(replica.url()).auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("type", type))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(202).extract().jsonPath().getLong("jobId");
    }

    private static JsonPath awaitEnd(Replica replica, long job) {
        Set<String> ended = Set.of("succeeded", "partial", "dead");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> ended.contains(
                given().baseUri(replica.url()).auth().oauth2(admin()).get("/api/jobs/" + job).jsonPath().getString("status")));
        return given().baseUri(replica.url()).auth().oauth2(admin()).get("/api/jobs/" + job).jsonPath();
    }

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("sync-admin"));
    }

    private static Replica launch(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "replica-" + name + ".log");
        String nativeImage = System.getProperty("native.image.path", "");
        List<String> command = !nativeImage.isBlank() && Files.isExecutable(Path.of(nativeImage)) ? List.of(nativeImage, "-Xmx80m")
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx80m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("DB_NAME", jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://server.example.com");
        env.put("OIDC_TOKEN_AUDIENCE", "https://server.example.com");
        env.put("ENCRYPTION_KEY", KEY);
        env.put("CRON_CONFIG_SYNC", "off");
        env.put("CRON_PRODUCT_SYNC", "off");
        env.put("CATALOG_WORKERS", "2");
        env.put("CATALOG_JOB_LEASE", "5s");
        env.put("CATALOG_HEARTBEAT", "1s");
        env.put("PLENTY_ITEMS_PER_PAGE", Integer.toString(PER_PAGE));
        env.put("MALLOC_ARENA_MAX", "2");
        return new Replica(builder.start(), "http://127.0.0.1:" + port, log);
    }
}
