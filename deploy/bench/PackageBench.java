import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark of the bulk package sync. Seeds the sandbox CRM with PROFILES customers and three
 * packages each, maps one booking profile to each (directly in package_sync), runs the bulk sync
 * through the service's API and times it; then runs the replaced algorithm (batches of 20, one CRM
 * request per profile, a statement per package, 500 ms between batches) on the first LEGACY
 * profiles, into its own schema legacy_bench.
 *
 * Then LOGINS logins of new profiles against a slow CRM (see storm).
 *
 * Usage: java -cp <postgresql + jackson jars> PackageBench.java SANDBOX SERVICE JDBC_URL CRON_SECRET PROFILES LEGACY LOGINS
 */
public class PackageBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String KEY = "sandbox-crm-key";

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String service = args[1];
        String jdbc = args[2];
        String secret = args[3];
        int profiles = Integer.parseInt(args[4]);
        int legacy = Integer.parseInt(args[5]);
        int logins = Integer.parseInt(args[6]);

        send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/crm/reset"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"customers\":" + profiles + ",\"packages\":" + profiles * 3 + "}")).build());
        List<String> customers = customerIds(sandbox);
        try (Connection db = DriverManager.getConnection(jdbc, System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv("DB_PASSWORD"))) {
            map(db, customers);
            System.out.printf("seeded: %d profiles mapped to CRM customers holding %d packages%n", customers.size(), profiles * 3);

            long started = System.nanoTime();
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(service + "/api/crm/sync-packages"))
                    .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"batchSize\": 20}")).build());
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode result = answer.path("result");
            System.out.printf("bulk sync: %d profiles (%d failed), %d packages in %.2f s = %.0f profiles/s%n",
                    result.path("successfulProfiles").asInt(), result.path("failedProfiles").asInt(),
                    result.path("totalPackages").asInt(), seconds, result.path("totalProfiles").asInt() / seconds);

            storm(db, sandbox, service, secret, Math.min(logins, customers.size()));

            double legacyRate = legacy(db, sandbox, customers.subList(0, Math.min(legacy, customers.size())));
            System.out.printf("ratio: %.0f x the replaced algorithm's profiles/s%n",
                    (result.path("totalProfiles").asInt() / seconds) / legacyRate);
        }
    }

    /**
     * LOGINS logins of different profiles (each a CRM customer's email) from 16 callers that give up
     * after 5 s, against a CRM answering in 200 ms: how fast the logins are answered, and how long
     * until every profile is synced.
     */
    private static void storm(Connection db, String sandbox, String service, String secret, int logins) throws Exception {
        if (logins == 0) {
            return;
        }
        List<String> emails = new ArrayList<>();
        JsonNode page = send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/v1/customers?select=email&order=id.asc&limit=" + logins))
                .header("apikey", KEY).GET().build());
        page.forEach(row -> emails.add(row.path("email").asText()));
        send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/crm/faults"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMs\": 200}")).build());
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Long>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (String email : emails) {
            String body = "{\"profileId\":\"" + UUID.randomUUID() + "\",\"email\":\"" + email + "\"}";
            answers.add(callers.submit(() -> {
                long sent = System.nanoTime();
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/hooks/login"))
                        .timeout(java.time.Duration.ofSeconds(5)).header("Authorization", "Bearer " + secret)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 202 ? (System.nanoTime() - sent) / 1_000_000 : -1L;
            }));
        }
        List<Long> millis = new ArrayList<>();
        int refused = 0;
        for (java.util.concurrent.Future<Long> answer : answers) {
            try {
                long ms = answer.get();
                if (ms < 0) {
                    refused++;
                } else {
                    millis.add(ms);
                }
            } catch (java.util.concurrent.ExecutionException gaveUp) {
                refused++;
            }
        }
        callers.shutdown();
        double answered = (System.nanoTime() - started) / 1e9;
        millis.sort(null);
        long waiting;
        do {
            Thread.sleep(250);
            try (Statement count = db.createStatement(); java.sql.ResultSet rows = count.executeQuery(
                    "select count(*) from package_sync.profile where name is null and "
                            + "(sync_requested_at is not null or sync_claimed_until is not null)")) {
                rows.next();
                waiting = rows.getLong(1);
            }
        } while (waiting > 0);
        double synced = (System.nanoTime() - started) / 1e9;
        send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/crm/faults")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        System.out.printf("login storm: %d logins from 16 callers (CRM 200 ms): %d answered 202 in %.2f s, %d not; "
                        + "per login p50 %d ms, p99 %d ms, max %d ms; all %d profiles synced after %.1f s = %.0f profiles/s%n",
                emails.size(), millis.size(), answered, refused, millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.99)), millis.get(millis.size() - 1), emails.size(), synced,
                emails.size() / synced);
    }

    private static List<String> customerIds(String sandbox) throws Exception {
        List<String> ids = new ArrayList<>();
        while (true) {
            JsonNode page = send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/v1/customers?select=id&order=id.asc&offset=" + ids.size()))
                    .header("apikey", KEY).GET().build());
            page.forEach(row -> ids.add(row.path("id").asText()));
            if (page.isEmpty()) {
                return ids;
            }
        }
    }

    private static void map(Connection db, List<String> customers) throws Exception {
        db.setAutoCommit(false);
        try (Statement clean = db.createStatement();
             PreparedStatement profile = db.prepareStatement("insert into package_sync.profile (id, name) values (?, 'bench')");
             PreparedStatement mapping = db.prepareStatement("insert into package_sync.crm_mapping "
                     + "(profile_id, crm_customer_id, status, matched_by) values (?, ?, 'matched', 'email')")) {
            clean.execute("truncate package_sync.profile_package, package_sync.crm_mapping, package_sync.profile cascade");
            for (String customer : customers) {
                UUID id = UUID.nameUUIDFromBytes(customer.getBytes(StandardCharsets.UTF_8));
                profile.setObject(1, id);
                profile.addBatch();
                mapping.setObject(1, id);
                mapping.setString(2, customer);
                mapping.addBatch();
            }
            profile.executeBatch();
            mapping.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static double legacy(Connection db, String sandbox, List<String> customers) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("create schema if not exists legacy_bench");
            statement.execute("drop table if exists legacy_bench.profile_package");
            statement.execute("create table legacy_bench.profile_package (customer_id text, crm_package_id text, "
                    + "package_name text, remaining_hours numeric, primary key (customer_id, crm_package_id))");
        }
        PreparedStatement upsert = db.prepareStatement("insert into legacy_bench.profile_package values (?, ?, ?, ?) "
                + "on conflict (customer_id, crm_package_id) do update set package_name = excluded.package_name, "
                + "remaining_hours = excluded.remaining_hours");
        long started = System.nanoTime();
        int packages = 0;
        for (int from = 0; from < customers.size(); from += 20) {
            for (String customer : customers.subList(from, Math.min(customers.size(), from + 20))) {
                JsonNode rows = send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/v1/packages?customer_id=eq." + customer))
                        .header("apikey", KEY).GET().build());
                for (JsonNode row : rows) {
                    upsert.setString(1, customer);
                    upsert.setString(2, row.path("id").asText());
                    upsert.setString(3, row.path("package_name").asText());
                    upsert.setBigDecimal(4, row.path("remaining_hours").isNull() ? null : row.path("remaining_hours").decimalValue());
                    upsert.executeUpdate();
                    packages++;
                }
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = customers.size() / seconds;
        System.out.printf("legacy: %d profiles, %d packages in %.1f s = %.1f profiles/s%n", customers.size(), packages, seconds, rate);
        return rate;
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
