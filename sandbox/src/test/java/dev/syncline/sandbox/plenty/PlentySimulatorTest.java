package dev.syncline.sandbox.plenty;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Plenty simulator answers as Plentymarkets REST does. */
class PlentySimulatorTest extends RunningSandbox {

    private String token;

    @BeforeEach
    void freshPlenty() {
        control().body(Map.of("variations", 400)).post("/sandbox/plenty/t/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/plenty/t/rest/login").then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(86400)).body("refreshToken", notNullValue())
                .extract().path("accessToken");
    }

    @Test
    void pagesCarryTheEnvelopeAndAPagePastTheEndIsTheLastPageAgain() {
        JsonPath first = rest().queryParam("itemsPerPage", 150).get("/plenty/t/rest/items/variations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, first.getInt("page"));
        assertEquals(400, first.getInt("totalsCount"));
        assertEquals(3, first.getInt("lastPageNumber"));
        assertEquals(false, first.getBoolean("isLastPage"));
        assertEquals(150, first.getList("entries").size());

        JsonPath beyond = rest().queryParam("itemsPerPage", 150).queryParam("page", 7).get("/plenty/t/rest/items/variations")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, beyond.getInt("page"), "Plenty answers another page than the one asked for");
        assertEquals(100, beyond.getList("entries").size());
        assertEquals(true, beyond.getBoolean("isLastPage"));
    }

    @Test
    void relationsComeOnlyWhenAskedForAndUpdatedBetweenFinds() {
        Map<String, Object> bare = rest().get("/plenty/t/rest/items/variations").then().extract().path("entries[0]");
        assertTrue(!bare.containsKey("variationSalesPrices"));
        Map<String, Object> full = rest().queryParam("with", "variationSalesPrices,variationCategories,variationAttributeValues,variationBarcodes,stock,unit")
                .get("/plenty/t/rest/items/variations").then().extract().path("entries[0]");
        assertTrue(full.containsKey("variationSalesPrices") && full.containsKey("variationBarcodes") && full.containsKey("stock"));

        String now = control().get("/sandbox/plenty/t/stats").then().extract().path("now");
        control().body(Map.of("advanceMinutes", 5)).post("/sandbox/plenty/t/clock").then().statusCode(200);
        List<Integer> changed = control().body(Map.of("variations", 7)).post("/sandbox/plenty/t/changes").then().extract().path("changed");
        String later = OffsetDateTime.parse(now).plusMinutes(10).toString();
        List<Integer> found = rest().queryParam("updatedBetween", OffsetDateTime.parse(now).plusMinutes(1) + "," + later)
                .get("/plenty/t/rest/items/variations").then().statusCode(200).extract().path("entries.id");
        assertEquals(changed, found);
    }

    @Test
    void theRateLimitIsInTheHeadersAndExceedingItIs429() {
        control().body(Map.of("shortPeriodLimit", 3, "decaySeconds", 30)).put("/sandbox/plenty/t/limits").then().statusCode(200);
        Response first = rest().get("/plenty/t/rest/items/units");
        assertEquals("2", first.header("X-Plenty-Global-Short-Period-Calls-Left"));
        assertTrue(Integer.parseInt(first.header("X-Plenty-Global-Short-Period-Decay")) > 0);
        rest().get("/plenty/t/rest/items/units").then().statusCode(200);
        rest().get("/plenty/t/rest/items/units").then().statusCode(200).header("X-Plenty-Route-Calls-Left", "0");
        rest().get("/plenty/t/rest/items/units").then().statusCode(429);
    }

    @Test
    void aRefreshTokenGivesNewTokensOnceAndUnknownTokensAre401() {
        String refresh = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/plenty/t/rest/login").then().extract().path("refreshToken");
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/plenty/t/rest/login/refresh").then().statusCode(200).body("accessToken", notNullValue());
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/plenty/t/rest/login/refresh").then().statusCode(401);
        given().baseUri(sandbox.url()).header("Authorization", "Bearer nope").get("/plenty/t/rest/items").then().statusCode(401);
    }

    private RequestSpecification rest() {
        return given().baseUri(sandbox.url()).header("Authorization", "Bearer " + token);
    }

    private RequestSpecification control() {
        return given().baseUri(sandbox.url()).contentType(ContentType.JSON);
    }
}
