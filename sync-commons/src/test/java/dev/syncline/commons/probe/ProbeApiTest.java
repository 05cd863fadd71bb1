package dev.syncline.commons.probe;

import dev.syncline.commons.testing.FreshDatabaseResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Shared problem+json mapping and the cron secret, as any service's endpoint sees them. */
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
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", CRON).get("/probe/admin-only").then().statusCode(403);
    }

    @Test
    void wrongTypesNameTheField() {
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"batchSize\": \"abc\"}")
                .post("/probe/settings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("batchSize"))
                .body("detail", equalTo("Field 'batchSize' must be a whole number"));
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"nested\": {\"size\": true}}")
                .post("/probe/settings").then().statusCode(400)
                .body("field", equalTo("nested.size"));
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"fullSync\": \"maybe\"}")
                .post("/probe/settings").then().statusCode(400)
                .body("field", equalTo("fullSync"))
                .body("detail", containsString("true or false"));
    }

    @Test
    void invalidValuesAndMalformedJsonAreBadRequests() {
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"batchSize\": 0}")
                .post("/probe/settings").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("field", equalTo("batchSize"));
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
}
