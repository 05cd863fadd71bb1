package dev.syncline.migration.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The sandbox's WooCommerce and Shopify stores: their control API and what they hold, as the truth to compare with. */
public final class CommerceSandbox {

    private CommerceSandbox() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }

    /** Two freshly generated stores; {@code sizes} as the reset endpoint takes them (sharedCustomers, wooOnlyOrders, …). */
    public static void reset(Map<String, Object> sizes) {
        given().baseUri(url()).contentType(ContentType.JSON).body(sizes).post("/sandbox/commerce/reset").then().statusCode(200);
    }

    /** A small pair of stores with every kind of record the generator knows. */
    public static void resetSmall() {
        reset(Map.of("seed", 7, "sharedCustomers", 120, "wooOnlyCustomers", 25, "shopifyOnlyCustomers", 15,
                "sharedOrders", 80, "wooOnlyOrders", 20, "shopifyOnlyOrders", 12, "products", 30));
    }

    /** What a comparison of {@code kind} from {@code source} must find. */
    public static JsonPath truth(String kind, String source) {
        return given().baseUri(url()).queryParam("kind", kind).queryParam("sourceOfTruth", source)
                .get("/sandbox/commerce/truth").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath stats() {
        return given().baseUri(url()).get("/sandbox/commerce/stats").then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> held(String store, String kind) {
        return given().baseUri(url()).get("/sandbox/" + store + "/" + kind).then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static void put(String path, Map<String, Object> body) {
        given().baseUri(url()).contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }
}
