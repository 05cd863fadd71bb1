import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The ceiling a sequential reader can reach: downloads and parses every keyset page of the
 * sandbox's orders (entity_id after the last one, ascending), one request at a time, and prints
 * orders/s. Nothing is written anywhere.
 *
 * Usage: java -cp <jackson jars> MagentoDownload.java SANDBOX_URL PAGE_SIZE
 */
public class MagentoDownload {

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        int pageSize = Integer.parseInt(args[1]);
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String token = json.readValue(http.send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/V1/integration/admin/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sandbox-admin\",\"password\":\"sandbox-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body(), String.class);
        long after = 0;
        long orders = 0;
        long started = System.nanoTime();
        while (true) {
            String query = "searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                    + "&searchCriteria[filter_groups][0][filters][0][value]=" + after
                    + "&searchCriteria[filter_groups][0][filters][0][condition_type]=gt"
                    + "&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=ASC"
                    + "&searchCriteria[pageSize]=" + pageSize + "&searchCriteria[currentPage]=1";
            JsonNode page = json.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox + "/rest/V1/orders?"
                    + query.replace("[", "%5B").replace("]", "%5D"))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            JsonNode items = page.path("items");
            orders += items.size();
            if (items.isEmpty() || page.path("total_count").asLong() <= items.size()) {
                break;
            }
            after = items.get(items.size() - 1).path("entity_id").asLong();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bare sequential download: %d orders in %.1f s = %.0f orders/s%n", orders, seconds, orders / seconds);
    }
}
