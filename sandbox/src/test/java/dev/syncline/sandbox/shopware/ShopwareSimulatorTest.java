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

        // The option a variant names must exist: without its property group the write fails at the database.
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(parent, variant))))
                .then().statusCode(500).body("errors[0].source", equalTo(null));
        sync(inOrder("g", Map.of("entity", "property_group", "action", "upsert", "payload", List.of(Map.of("id", "0".repeat(31) + "7",
                        "name", "Farbe", "options", List.of(Map.of("id", "0".repeat(31) + "5", "name", "Rot"),
                                Map.of("id", "0".repeat(31) + "6", "name", "Blau"))))),
                "p", Map.of("entity", "product", "action", "upsert", "payload", List.of(parent, variant))))
                .then().statusCode(200).body("data.product", hasItem("0".repeat(31) + "2"));
        api().body(Map.of("filter", List.of(Map.of("type", "equalsAny", "field", "productNumber", "value", List.of("V-1"))),
                        "total-count-mode", 1))
                .post("/shopware/s/api/search/product").then().statusCode(200)
                .body("total", equalTo(1)).body("data[0].parentId", equalTo("0".repeat(31) + "1"));
        // includes restricts each record to the fields it names.
        api().body(Map.of("filter", List.of(Map.of("type", "equals", "field", "productNumber", "value", "V-1")),
                        "includes", Map.of("product", List.of("id", "productNumber"))))
                .post("/shopware/s/api/search/product").then().statusCode(200)
                .body("data[0].keySet()", equalTo(java.util.Set.of("id", "productNumber")));

        Map<String, Object> sameNumber = Map.of("id", "0".repeat(31) + "4", "parentId", "0".repeat(31) + "1",
                "productNumber", "V-1", "stock", 1, "options", List.of(Map.of("id", "0".repeat(31) + "6")));
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(sameNumber))))
                .then().statusCode(400).body("errors.code", hasItem("CONTENT__DUPLICATE_PRODUCT_NUMBER"))
                .body("errors[0].source", equalTo(null));
    }

    @Test
    void referencesTheShopDoesNotHaveAreRefusedAndOnlyVisibleProductsAreListed() {
        String storefront = given().baseUri(sandbox.url()).get("/sandbox/shopware/s/entities/sales_channel").then().statusCode(200)
                .extract().path("find { it.typeId == '8a243080f92e4c719546314b577cf82b' }.id");
        String tax = given().baseUri(sandbox.url()).get("/sandbox/shopware/s/entities/tax").then().extract().path("[0].id");
        String home = given().baseUri(sandbox.url()).get("/sandbox/shopware/s/entities/category").then().extract().path("[0].id");
        Map<String, Object> price = Map.of("currencyId", EUR, "gross", 11.9, "net", 10, "linked", true);
        // A currency id derived from an ISO code: no shop has it.
        Map<String, Object> unknownCurrency = Map.of("id", "0".repeat(31) + "1", "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "taxId", tax, "price", List.of(price, Map.of("currencyId", "1".repeat(32), "gross", 12.8, "net", 10.76, "linked", true)));
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(unknownCurrency)))).then().statusCode(500);
        Map<String, Object> badVisibility = Map.of("id", "0".repeat(31) + "1", "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "taxId", tax, "price", List.of(price), "visibilities", List.of(Map.of("salesChannelId", storefront, "visibility", 40)));
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(badVisibility)))).then().statusCode(400)
                .body("errors[0].source.pointer", equalTo("/p/0/visibilities/0/visibility"));
        Map<String, Object> orphanCategory = Map.of("id", "0".repeat(31) + "8", "name", "Jacken", "parentId", "2".repeat(32));
        sync(Map.of("c", Map.of("entity", "category", "action", "upsert", "payload", List.of(orphanCategory)))).then().statusCode(500);

        Map<String, Object> category = Map.of("id", "0".repeat(31) + "8", "name", "Jacken", "parentId", home);
        Map<String, Object> hidden = Map.of("id", "0".repeat(31) + "1", "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "taxId", tax, "price", List.of(price), "categories", List.of(Map.of("id", "0".repeat(31) + "8")));
        Map<String, Object> listed = Map.of("id", "0".repeat(31) + "2", "productNumber", "P-2", "name", "Hose", "stock", 0,
                "taxId", tax, "price", List.of(price), "categories", List.of(Map.of("id", "0".repeat(31) + "8")),
                "visibilities", List.of(Map.of("salesChannelId", storefront, "visibility", 30)));
        sync(inOrder("c", Map.of("entity", "category", "action", "upsert", "payload", List.of(category)),
                "p", Map.of("entity", "product", "action", "upsert", "payload", List.of(hidden, listed)))).then().statusCode(200);
        given().baseUri(sandbox.url()).get("/sandbox/shopware/s/storefront/" + storefront).then().statusCode(200)
                .body("listed", equalTo(1)).body("products[0].productNumber", equalTo("P-2"))
                .body("products[0].categoryPath", equalTo(List.of("Jacken")));
    }

    @Test
    void anExpiredOrUnknownTokenIs401() {
        given().baseUri(sandbox.url()).header("Authorization", "Bearer nope").contentType(ContentType.JSON).body(Map.of())
                .post("/shopware/s/api/_action/sync").then().statusCode(401);
    }

    /** Two operations in this order: Shopware runs a request's operations one after the other. */
    @Test
    void textsInAnotherLanguageNeedAKnownLanguageAndARecordTheSystemLanguageCreated() {
        String english = "6c1b0e4f8a2d4c3e9b5a7d0f1e2c3b4a";
        Map<String, Object> product = Map.of("id", "0".repeat(31) + "1", "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "taxId", "c7d0e7a3b1f24f0e8d3c2b1a0f9e8d7c", "price", List.of(Map.of("currencyId", EUR, "gross", 11.9, "net", 10, "linked", true)));
        List<Map<String, Object>> inEnglish = List.of(Map.of("entity", "product", "action", "upsert",
                "payload", List.of(Map.of("id", "0".repeat(31) + "1", "name", "Jacket"))));

        api().header("sw-language-id", english).body(List.of(Map.of("entity", "product", "action", "upsert", "payload", List.of(product))))
                .post("/shopware/s/api/_action/sync").then().statusCode(400)
                .body("errors[0].source.pointer", equalTo("/0/0/name"));
        api().header("sw-language-id", "0".repeat(32)).body(inEnglish).post("/shopware/s/api/_action/sync").then().statusCode(412)
                .body("errors[0].code", equalTo("FRAMEWORK__LANGUAGE_NOT_FOUND"));
        sync(Map.of("p", Map.of("entity", "product", "action", "upsert", "payload", List.of(product)))).then().statusCode(200);
        api().header("sw-language-id", english).body(inEnglish).post("/shopware/s/api/_action/sync").then().statusCode(200);

        api().body(Map.of("filter", List.of(Map.of("type", "equals", "field", "id", "value", "0".repeat(31) + "1"))))
                .post("/shopware/s/api/search/product").then().statusCode(200)
                .body("data[0].name", equalTo("Jacke")).body("data[0].translations." + english + ".name", equalTo("Jacket"));
        api().body(Map.of("associations", Map.of("locale", Map.of()))).post("/shopware/s/api/search/language").then().statusCode(200)
                .body("data.locale.code", equalTo(List.of("de-DE", "en-GB")));
        api().body(Map.of()).post("/shopware/s/api/search/language").then().statusCode(200)
                .body("data[0].locale", equalTo(null));
    }

    private static Map<String, Object> inOrder(String first, Object one, String second, Object two) {
        Map<String, Object> operations = new java.util.LinkedHashMap<>();
        operations.put(first, one);
        operations.put(second, two);
        return operations;
    }

    private io.restassured.response.Response sync(Map<String, Object> body) {
        return api().body(body).post("/shopware/s/api/_action/sync");
    }

    private RequestSpecification api() {
        return given().baseUri(sandbox.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
