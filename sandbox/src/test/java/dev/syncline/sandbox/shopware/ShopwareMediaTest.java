package dev.syncline.sandbox.shopware;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The shop refuses media as Shopware does: no upload without its media entity, no product media without its media. */
class ShopwareMediaTest extends RunningSandbox {

    private static final String EUR = "b7d2554b0ce847cd82f3ac9bd1c0dfca";
    private static final String MEDIA = "0".repeat(31) + "a";
    private static final String OTHER_MEDIA = "0".repeat(31) + "b";
    private static final String PRODUCT = "0".repeat(31) + "1";
    private String token;
    private String imageUrl;

    @BeforeEach
    void freshShopAndPlenty() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of()).post("/sandbox/shopware/m/reset").then().statusCode(200);
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("variations", 5))
                .post("/sandbox/plenty/m/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", "SWIASANDBOXCLIENT", "client_secret", "sandbox-shopware-secret"))
                .post("/shopware/m/api/oauth/token").then().statusCode(200).extract().path("access_token");
        String plentyToken = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/plenty/m/rest/login").then().statusCode(200).extract().path("accessToken");
        imageUrl = given().baseUri(sandbox.url()).auth().oauth2(plentyToken).get("/plenty/m/rest/items/101/images")
                .then().statusCode(200).extract().path("[0].url");
    }

    @Test
    void anUploadNeedsItsMediaEntityAnExtensionAndAFreeFileName() {
        upload(MEDIA, "png", "jacke", imageUrl).then().statusCode(404).body("errors[0].code", equalTo("CONTENT__MEDIA_NOT_FOUND"));
        sync("media", List.of(Map.of("id", MEDIA, "alt", "Jacke"), Map.of("id", OTHER_MEDIA))).then().statusCode(200);
        upload(MEDIA, null, "jacke", imageUrl).then().statusCode(400).body("errors[0].code", equalTo("CONTENT__MEDIA_MISSING_FILE_EXTENSION"));
        upload(MEDIA, "png", "jacke", sandbox.url() + "/plenty/m/cdn/item/images/101/full/nothing.png").then().statusCode(400)
                .body("errors[0].code", equalTo("CONTENT__MEDIA_CANNOT_OPEN_SOURCE_STREAM_TO_READ"));
        upload(MEDIA, "png", "jacke", sandbox.url() + "/sandbox/shopware/m/stats").then().statusCode(400)
                .body("errors[0].code", equalTo("CONTENT__MEDIA_FILE_TYPE_NOT_SUPPORTED"));

        upload(MEDIA, "png", "jacke", imageUrl).then().statusCode(204).header("Location", containsString("/media/jacke.png"));
        upload(MEDIA, "png", "jacke", imageUrl).then().statusCode(204);
        upload(OTHER_MEDIA, "png", "jacke", imageUrl).then().statusCode(400)
                .body("errors[0].code", equalTo("CONTENT__MEDIA_DUPLICATED_FILE_NAME"))
                .body("errors[0].detail", equalTo("A file with the name \"jacke.png\" already exists."));
        given().baseUri(sandbox.url()).get("/sandbox/shopware/m/stats").then().body("mediaUploads", equalTo(2))
                .body("refusedUploads", equalTo(5));
        given().baseUri(sandbox.url()).get("/shopware/m/media/jacke.png").then().statusCode(200).contentType("image/png");
    }

    @Test
    void productMediaNeedTheirMediaAndTheCoverIsOneOfThem() {
        String productMedia = "0".repeat(31) + "c";
        // The old way of a sync that knew no media entities: a product's media naming a media that does not exist.
        sync("product", List.of(product(Map.of("media", List.of(Map.of("id", productMedia, "mediaId", MEDIA, "position", 0)),
                "coverId", productMedia)))).then().statusCode(500).body("errors[0].detail", containsString("fk.product_media.media_id"));
        sync("product", List.of(product(Map.of("coverId", productMedia)))).then().statusCode(500)
                .body("errors[0].detail", containsString("fk.product.product_media_id"));
        given().baseUri(sandbox.url()).get("/sandbox/shopware/m/stats").then().body("products", equalTo(0));

        sync("media", List.of(Map.of("id", MEDIA))).then().statusCode(200);
        sync("product", List.of(product(Map.of("media", List.of(Map.of("id", productMedia, "mediaId", MEDIA, "position", 0)),
                "coverId", productMedia)))).then().statusCode(200);
        Map<String, Object> other = product(Map.of("coverId", productMedia));
        other.put("id", "0".repeat(31) + "2");
        other.put("productNumber", "P-2");
        sync("product", List.of(other)).then().statusCode(400).body("errors[0].source.pointer", equalTo("/0/0/coverId"));
        given().baseUri(sandbox.url()).get("/sandbox/shopware/m/storefront").then().statusCode(200);
        given().baseUri(sandbox.url()).get("/sandbox/shopware/m/stats").then().body("productMedia", equalTo(1));
    }

    private static Map<String, Object> product(Map<String, Object> more) {
        Map<String, Object> product = new java.util.HashMap<>(Map.of("id", PRODUCT, "productNumber", "P-1", "name", "Jacke", "stock", 0,
                "tax", Map.of("id", "0".repeat(31) + "9", "taxRate", 19, "name", "19 %"),
                "price", List.of(Map.of("currencyId", EUR, "gross", 11.9, "net", 10, "linked", true))));
        product.putAll(more);
        return product;
    }

    private Response upload(String mediaId, String extension, String fileName, String url) {
        RequestSpecification request = api().queryParam("fileName", fileName).body(Map.of("url", url));
        if (extension != null) {
            request.queryParam("extension", extension);
        }
        return request.post("/shopware/m/api/_action/media/" + mediaId + "/upload");
    }

    private Response sync(String entity, List<Map<String, Object>> payload) {
        return api().body(List.of(Map.of("entity", entity, "action", "upsert", "payload", payload))).post("/shopware/m/api/_action/sync");
    }

    private RequestSpecification api() {
        return given().baseUri(sandbox.url()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
