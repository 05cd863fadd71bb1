import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The baseline for the benchmark: the algorithm the Magento sync replaces, run against the same
 * sandbox and database. Pages of 10 orders by page number, one SELECT and one INSERT per order,
 * 500 ms between pages. Writes into its own schema, legacy_bench.
 *
 * Usage: java -cp <postgresql + jackson jars> LegacyMagentoSync.java SANDBOX_URL JDBC_URL ORDERS
 */
public class LegacyMagentoSync {

    static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int PAGE_SIZE = 10;

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String jdbcUrl = args[1];
        int limit = Integer.parseInt(args[2]);
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();

        String token = json.readValue(http.send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/V1/integration/admin/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sandbox-admin\",\"password\":\"sandbox-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body(), String.class);

        try (Connection db = DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv("DB_PASSWORD"))) {
            prepare(db);
            PreparedStatement find = db.prepareStatement("select id from legacy_bench.consumer where email = ? and purchase_date = ?");
            PreparedStatement create = db.prepareStatement("insert into legacy_bench.consumer (email, purchase_date, first_name, last_name) values (?, ?, ?, ?)");
            long started = System.nanoTime();
            int processed = 0;
            int created = 0;
            for (int page = 1; processed < limit; page++) {
                String query = "searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=ASC"
                        + "&searchCriteria[pageSize]=" + PAGE_SIZE + "&searchCriteria[currentPage]=" + page;
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/V1/orders?" + encode(query)))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode items = json.readTree(response.body()).path("items");
                for (JsonNode order : items) {
                    if (processed++ >= limit) {
                        break;
                    }
                    String email = order.path("customer_email").asText("").trim().toLowerCase();
                    if (!email.contains("@")) {
                        continue;
                    }
                    Timestamp purchaseDate = Timestamp.from(LocalDateTime.parse(order.path("created_at").asText(), MAGENTO_TIME)
                            .toInstant(ZoneOffset.UTC));
                    find.setString(1, email);
                    find.setTimestamp(2, purchaseDate);
                    try (ResultSet existing = find.executeQuery()) {
                        if (existing.next()) {
                            continue;
                        }
                    }
                    create.setString(1, email);
                    create.setTimestamp(2, purchaseDate);
                    create.setString(3, order.path("customer_firstname").asText(null));
                    create.setString(4, order.path("customer_lastname").asText(null));
                    create.executeUpdate();
                    created++;
                }
                if (items.size() < PAGE_SIZE) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("legacy: %d orders in %.1f s = %.1f orders/s (%d created)%n", processed, seconds,
                    processed / seconds, created);
        }
    }

    private static void prepare(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("create schema if not exists legacy_bench");
            statement.execute("drop table if exists legacy_bench.consumer");
            statement.execute("create table legacy_bench.consumer (id bigserial primary key, email text not null, "
                    + "purchase_date timestamptz, first_name text, last_name text, unique (email, purchase_date))");
        }
    }

    /** Brackets in parameter names, encoded as a browser would. */
    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(kv[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}
