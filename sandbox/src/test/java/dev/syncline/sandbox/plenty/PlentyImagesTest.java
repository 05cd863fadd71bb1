package dev.syncline.sandbox.plenty;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plenty's item images: listed per item and with the items, served at their URLs, changed and broken on request. */
class PlentyImagesTest extends RunningSandbox {

    private String token;

    @BeforeEach
    void freshPlenty() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("variations", 20))
                .post("/sandbox/plenty/img/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/plenty/img/rest/login").then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void anItemsImagesAreListedWithTheirChecksumAndServedAtTheirUrl() throws Exception {
        List<Map<String, Object>> images = images(101);
        assertEquals(1 + 101 % 3, images.size());
        Map<String, Object> first = images.get(0);
        assertEquals(1010, first.get("id"));
        assertEquals(0, first.get("position"));
        assertEquals("png", first.get("fileType"));
        byte[] file = given().get((String) first.get("url")).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals(first.get("md5Checksum"), md5(file), "md5Checksum is the checksum of the file served");
        assertEquals(first.get("size"), file.length);

        JsonPath items = given().baseUri(sandbox.url()).auth().oauth2(token).queryParam("with", "itemImages").queryParam("id", "101")
                .get("/plenty/img/rest/items").then().statusCode(200).extract().jsonPath();
        assertEquals(images, items.getList("entries[0].itemImages"), "with=itemImages gives the same entries");
        given().baseUri(sandbox.url()).auth().oauth2(token).get("/plenty/img/rest/items/999999/images").then().statusCode(404);
        given().baseUri(sandbox.url()).get("/plenty/img/rest/items/101/images").then().statusCode(401);
    }

    @Test
    void aChangedImageHasANewFileAndABrokenOneIsNotServed() {
        Map<String, Object> before = images(101).get(0);
        List<Integer> changed = given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("itemIds", List.of(101)))
                .post("/sandbox/plenty/img/images/change").then().statusCode(200).extract().path("changed");
        assertEquals(images(101).size(), changed.size());
        Map<String, Object> after = images(101).get(0);
        assertNotEquals(before.get("md5Checksum"), after.get("md5Checksum"));
        assertNotEquals(before.get("lastUpdate"), after.get("lastUpdate"));

        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("itemIds", List.of(101), "kind", "missing"))
                .post("/sandbox/plenty/img/images/broken").then().statusCode(200);
        given().get((String) after.get("url")).then().statusCode(404);
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("itemIds", List.of(102), "kind", "not-an-image"))
                .post("/sandbox/plenty/img/images/broken").then().statusCode(200);
        String page = given().get((String) images(102).get(0).get("url")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<html"));
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("itemIds", List.of(102), "kind", "torn"))
                .post("/sandbox/plenty/img/images/broken").then().statusCode(400);
    }

    @Test
    void aDeletedImageIsNoLongerListedNorServed() {
        List<Map<String, Object>> before = images(102);
        List<Integer> deleted = given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("itemIds", List.of(102)))
                .post("/sandbox/plenty/img/images/delete").then().statusCode(200).extract().path("deleted");
        assertEquals(List.of(((Number) before.get(0).get("id")).intValue()), deleted);
        assertEquals(before.subList(1, before.size()), images(102));
        given().get((String) before.get(0).get("url")).then().statusCode(404);
    }

    @Test
    void aResetCanGiveEveryItemTheSameNumberOfImages() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("variations", 20, "imagesPerItem", 1))
                .post("/sandbox/plenty/img/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/plenty/img/rest/login").then().statusCode(200).extract().path("accessToken");
        assertEquals(1, images(101).size());
        assertEquals(1, images(102).size());
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("variations", 20, "imagesPerItem", 10))
                .post("/sandbox/plenty/img/reset").then().statusCode(400);
    }

    private List<Map<String, Object>> images(long itemId) {
        return given().baseUri(sandbox.url()).auth().oauth2(token).get("/plenty/img/rest/items/" + itemId + "/images")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
