package dev.syncline.erp.sync;

import dev.syncline.commons.testing.ApiDescription;
import dev.syncline.erp.support.ErpTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an operator and a client generator look at: the API description, health. */
@QuarkusTest
class ErpOperationsTest extends ErpTestBase {

    @Test
    void everyRequestAndAnswerHasASchema() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/cron/sync-customers"));
        assertEquals(List.of(), ApiDescription.answersWithoutSchema());
    }

    @Test
    void readinessCoversTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
