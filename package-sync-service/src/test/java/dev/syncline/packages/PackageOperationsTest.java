package dev.syncline.packages;

import dev.syncline.commons.testing.ApiDescription;
import dev.syncline.packages.support.PackageTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a client generator reads: a schema for every request and answer. */
@QuarkusTest
class PackageOperationsTest extends PackageTestBase {

    @Test
    void everyRequestAndAnswerHasASchema() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/crm/sync-packages"));
        assertEquals(List.of(), ApiDescription.answersWithoutSchema());
    }
}
