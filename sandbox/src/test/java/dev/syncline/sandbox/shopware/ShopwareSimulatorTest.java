package dev.syncline.sandbox.shopware;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The Shopware simulator validates and writes product upserts as Shopware 6's sync API does. */
class ShopwareSimulatorTest extends RunningSandbox {

    private static final String EUR = "b7d2554b0ce847cd82f3ac9bd1c0dfca";
    private String token;

    @BeforeEach
    void freshShop() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of()).post("/sandbox/shopware/s/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", "SWIASANDBOXCLIENT", "client_secret", "sandbox-shopware-secret"))
                .post("/shopware/s/api/oauth/token").then().statusCode(200).body("expires_in", equalTo(600))
                .extract().path("access_token");
    }

    @Test
    void aValidBatchIsWrittenAndAnInvalidRecordFailsTheWholeRequestWithAPointer() {
        Map<String, Object> parent = Map.of("id", "0".repeat(31) + "1", "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "tax", Map.of("id", "0".repeat(31) + "9", "taxRate", 19, "name", "19 %"),
                "price", List.of(Map.of("currencyId", EUR, "gross", 11.9, "net", 10, "linked", true)));
        Map<String, Object> variant = Map.of("id", "0".repeat(31) + "2", "parentId", "0".repeat(31) + "1", "productNumber", "V-1",
                "stock", 3, "options", List.of(Map.of("id", "0".repeat(31) + "5")));
        Map<String, Object> noPrice = Map.of("id", "0".repeat(31) + "3", "productNumber", "P-3", "name", "Hose", "stock", 0,
                "taxId", "0".repeat(31) + "9");

        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(parent, variant, noPrice))))
                .then().statusCode(400).body("errors[0].source.pointer", equalTo("/p/2/price"));
        given().baseUri(sandbox.url()).get("/sandbox/shopware/s/stats").then().body("products", equalTo(0));

        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(parent, variant))))
                .then().statusCode(200).body("success", equalTo(true));
        api().body(Map.of("filter", List.of(Map.of("type", "equalsAny", "field", "productNumber", "value", List.of("V-1"))),
                        "total-count-mode", 1))
                .post("/shopware/s/api/search/product").then().statusCode(200)
                .body("total", equalTo(1)).body("data[0].parentId", equalTo("0".repeat(31) + "1"));

        Map<String, Object> sameNumber = Map.of("id", "0".repeat(31) + "4", "parentId", "0".repeat(31) + "1",
                "productNumber", "V-1", "stock", 1, "options", List.of(Map.of("id", "0".repeat(31) + "6")));
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(sameNumber))))
                .then().statusCode(400).body("errors.code", hasItem("CONTENT__DUPLICATE_PRODUCT_NUMBER"));
    }

    @Test
    void anExpiredOrUnknownTokenIs401() {
        given().baseUri(sandbox.url()).header("Authorization", "Bearer nope").contentType(ContentType.JSON).body(Map.of())
                .post("/shopware/s/api/_action/sync").then().statusCode(401);
    }

    private io.restassured.response.Response sync(Map<String, Object> body) {
        return api().body(body).post("/shopware/s/api/_action/sync");
    }

    private RequestSpecification api() {
        return given().baseUri(sandbox.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
