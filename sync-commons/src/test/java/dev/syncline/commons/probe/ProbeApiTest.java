package dev.syncline.commons.probe;

import dev.syncline.commons.testing.FreshDatabaseResource;
import dev.syncline.commons.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared problem+json mapping, validation and the cron secret, as any service's endpoint sees them. */
@QuarkusTest
@WithTestResource(FreshDatabaseResource.class)
class ProbeApiTest {

    private static final String CRON = "Bearer probe-secret";

    @Test
    void theCronSecretOpensOnlyCronEndpoints() {
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"batchSize\": 5}")
                .post("/probe/settings").then().statusCode(200).body("batchSize", equalTo(5));
        given().header("Authorization", "Bearer probe-secreT").contentType(ContentType.JSON).body("{}")
                .post("/probe/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/probe/settings").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("detail", containsString("bearer token"));
        given().header("Authorization", CRON).get("/probe/admin-only").then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"batchSize\": \"abc\"}|batchSize|must be a whole number",
            "{\"batchSize\": \"5\"}|batchSize|must be a whole number",
            "{\"batchSize\": 1.5}|batchSize|must be a whole number",
            "{\"batchSize\": 0}|batchSize|batchSize must be greater than or equal to 1",
            "{\"batchSize\": 301}|batchSize|batchSize must be less than or equal to 300",
            "{\"batchSize\": 99999999999}|batchSize|out of range",
            "{\"fullSync\": \"maybe\"}|fullSync|true or false",
            "{\"fullSync\": -1}|fullSync|true or false",
            "{\"fullSync\": 1}|fullSync|true or false",
            "{\"fullSync\": true, \"fullSync\": false}|fullSync|appears more than once",
            "{\"note\": 7}|note|must be a string",
            "{\"note\": \"a\\u0000b\"}|note|NUL character",
            "{\"nested\": {\"size\": true}}|nested.size|whole number",
            "{\"nested\": {\"size\": -4}}|nested.size|greater than or equal to 0"})
    void badBodiesAreProblemsNamingTheField(String body, String field, String detail) {
        given().header("Authorization", CRON).contentType(ContentType.JSON).body(body)
                .post("/probe/settings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString(detail))
                .body("success", equalTo(false))
                .body("error", containsString(detail))
                .body("timestamp", notNullValue());
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource(delimiter = '|', value = {
            "limit|abc|must be a whole number",
            "limit|99999999999|must be a whole number",
            "limit|0|limit must be greater than or equal to 1",
            "limit|101|limit must be less than or equal to 100",
            "afterId|abc|must be a whole number",
            "verbose|yes|true or false"})
    void badQueryParametersAreProblemsNamingTheParameter(String parameter, String value, String detail) {
        given().header("Authorization", CRON).queryParam(parameter, value).get("/probe/page").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(parameter))
                .body("detail", containsString(detail));
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedBeforeAnyEndpointSeesIt() {
        given().header("Authorization", CRON).urlEncodingEnabled(false).get("/probe/page?name=a%00b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("name"))
                .body("detail", containsString("NUL"));
        given().header("Authorization", CRON).queryParam("limit", "7").queryParam("afterId", "12").queryParam("verbose", "true")
                .get("/probe/page").then().statusCode(200)
                .body("limit", equalTo(7)).body("afterId", equalTo(12)).body("verbose", equalTo(true));
    }

    @Test
    void malformedJsonAndWrongMediaAreBadRequests() {
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"batchSize\": ")
                .post("/probe/settings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", CRON).contentType(ContentType.TEXT).body("batchSize=5")
                .post("/probe/settings").then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        given().header("Authorization", CRON).get("/probe/broken").then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", not(containsString("secret internal detail")))
                .body("detail", containsString("service log"));
        given().header("Authorization", CRON).get("/probe/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theLedgerNeverShowsARunAsRunningThatIsNot() {
        TestDatabase.execute("insert into commons_probe.sync_run (job, mode, trigger, status) values ('probe-killed', 'full', 'cron', 'running')");
        long killed = TestDatabase.queryLong("select max(id) from commons_probe.sync_run where job = 'probe-killed'");

        given().header("Authorization", CRON).get("/api/runs/" + killed).then().statusCode(200)
                .body("status", equalTo("error"))
                .body("errorMessage", containsString("lost its lock"))
                .body("finishedAt", notNullValue());
        given().header("Authorization", CRON).queryParam("job", "probe-killed").get("/api/runs").then().statusCode(200)
                .body("[0].status", equalTo("error"));
    }

    @Test
    void theApiDescriptionHasASchemaForEveryAnswer() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertNotNull(api.getMap("components.schemas.Problem"));
        Map<String, Object> settings = api.getMap("paths.'/probe/settings'.post");
        assertEquals("#/components/schemas/Problem",
                api.getString("paths.'/probe/settings'.post.responses.'4XX'.content.'application/problem+json'.schema.$ref"));
        assertTrue(api.getString("paths.'/probe/settings'.post.requestBody.content.'application/json'.schema.$ref")
                .endsWith("Settings"), String.valueOf(settings));
    }
}
