package dev.syncline.migration.support;

import dev.syncline.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The service's API as an operator calls it. */
public final class MigrationApi {

    private static final Set<String> ENDED = Set.of("succeeded", "partial", "error", "interrupted");

    private MigrationApi() {
    }

    public static JsonPath compare(String kind, String source) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", source))
                .post("/api/" + kind + "/compare").then().statusCode(200).extract().jsonPath();
    }

    /** Every difference of a stored comparison, read page by page. */
    public static List<Map<String, Object>> allDifferences(String kind, long comparison, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath answer = given().auth().oauth2(TestTokens.admin()).queryParam("page", page).queryParam("size", size)
                    .get("/api/" + kind + "/compare/" + comparison).then().statusCode(200).extract().jsonPath();
            all.addAll(answer.getList("differences"));
            if (!answer.getBoolean("truncated")) {
                return all;
            }
        }
    }

    public static JsonPath syncCustomers(String source, List<String> ids) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", source, "customers", ids.stream().map(id -> Map.of("sourceCustomerId", id)).toList()))
                .post("/api/customers/sync").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath syncOrders(String source, List<String> ids, boolean draft) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", source, "draft", draft,
                        "orders", ids.stream().map(id -> Map.of("sourceOrderId", id)).toList()))
                .post("/api/orders/sync").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath migration(long id) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/migrations/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitMigration(long id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> ENDED.contains(migration(id).getString("status")));
        return migration(id);
    }
}
