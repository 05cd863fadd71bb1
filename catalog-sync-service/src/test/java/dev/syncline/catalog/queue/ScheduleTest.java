package dev.syncline.catalog.queue;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Schedules enqueue jobs, once per fire however many replicas tick; a tenant's own schedule applies at once. */
@QuarkusTest
class ScheduleTest extends CatalogTestBase {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Inject
    ScheduleTicker ticker;

    /** The real minute's tick stays out of the way: these tests tick chosen minutes themselves. */
    @BeforeEach
    void pauseTheRealTick() {
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/catalog-schedules/pause").then().statusCode(200);
    }

    @Test
    void aFireEnqueuesOneJobHoweverOftenItIsTicked() {
        String tenant = CatalogApi.testTenant("mock");
        schedules(tenant, "0 3 * * *", "*/15 * * * *");
        ZonedDateTime fire = ZonedDateTime.of(2026, 11, 23, 3, 0, 20, 0, ZONE);

        ticker.enqueueDue(fire).await().atMost(Duration.ofSeconds(10));
        ticker.enqueueDue(fire.plusSeconds(5)).await().atMost(Duration.ofSeconds(10));

        assertEquals(1, jobs(tenant, "CONFIG"));
        assertEquals(1, jobs(tenant, "PRODUCT_DELTA"), "03:00 is also a quarter hour");
        assertEquals("schedule", TestDatabase.queryString("select min(trigger) from catalog_sync.sync_job"));
        CatalogApi.awaitJob(TestDatabase.queryLong("select min(id) from catalog_sync.sync_job"));
        CatalogApi.awaitJob(TestDatabase.queryLong("select max(id) from catalog_sync.sync_job"));
        ticker.enqueueDue(fire).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, jobs(tenant, "CONFIG"), "the same fire never enqueues again, even after its job ended");
    }

    @Test
    void aTenantsOwnScheduleAppliesAtOnceAndOffTurnsItOff() {
        String tenant = CatalogApi.testTenant("mock");
        ZonedDateTime tenPast = ZonedDateTime.of(2026, 11, 23, 9, 10, 0, 0, ZONE);
        ticker.enqueueDue(tenPast).await().atMost(Duration.ofSeconds(10));
        assertEquals(0, jobs(tenant, "PRODUCT_DELTA"), "the test defaults are off");

        schedules(tenant, "off", "*/5 * * * *");
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant).then().statusCode(200)
                .body("productSchedule.cron", equalTo("*/5 * * * *")).body("productSchedule.source", equalTo("tenant"));
        ticker.enqueueDue(tenPast.plusMinutes(2)).await().atMost(Duration.ofSeconds(10));
        assertEquals(0, jobs(tenant, "PRODUCT_DELTA"), "09:12 is not a fifth minute");
        ticker.enqueueDue(tenPast.plusMinutes(5)).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, jobs(tenant, "PRODUCT_DELTA"));
        assertEquals(0, jobs(tenant, "CONFIG"));
    }

    @Test
    void aScheduleThatIsNoCronIsRefusedWithItsName() {
        String tenant = CatalogApi.testTenant("mock");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "T", "plentyUrl", PLENTY.restUrl(), "plentyUsername", "sandbox-plenty",
                        "productSchedule", "every quarter hour"))
                .put("/api/tenants/" + tenant).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("productSchedule"));
    }

    private static void schedules(String tenant, String config, String product) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Syncline test tenant", "plentyUrl", PLENTY.restUrl(), "plentyUsername", "sandbox-plenty",
                        "configSchedule", config, "productSchedule", product))
                .put("/api/tenants/" + tenant).then().statusCode(200);
    }

    private static long jobs(String tenant, String type) {
        return TestDatabase.queryLong("select count(*) from catalog_sync.sync_job where tenant_id = '" + tenant + "' and type = '" + type + "'");
    }
}
