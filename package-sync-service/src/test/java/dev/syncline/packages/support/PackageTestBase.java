package dev.syncline.packages.support;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Every test starts from empty tables and closed circuit breakers. */
@PackageTestResources
public abstract class PackageTestBase {

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.execute("truncate package_sync.profile_package, package_sync.crm_mapping, package_sync.profile, "
                + "package_sync.bulk_progress, package_sync.rejected_record, package_sync.sync_run restart identity cascade");
        CrmSandbox.faults(Map.of());
        circuitBreakers.resetAll();
    }

    /** A real signed token of a booking user whose profile id is the token's subject. */
    protected static String userToken(UUID profileId) {
        return OidcWiremockTestResource.generateJwtToken("user-" + profileId, Set.of(), profileId.toString(), "Bearer",
                Set.of("https://service.example.com"), Map.of());
    }

    /** The booking app reports a login; answers the hook's body. */
    protected static JsonPath login(UUID profileId, String email, String phone, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("profileId", profileId.toString());
        body.put("email", email);
        body.put("phone", phone);
        body.put("name", name);
        return given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON).body(body)
                .post("/api/hooks/login").then().statusCode(202).extract().jsonPath();
    }

    /** The profile as an admin sees it through the VIP endpoint, once its background sync has settled. */
    protected static JsonPath awaitMapping(UUID profileId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                TestDatabase.queryLong("select count(*) from package_sync.crm_mapping where profile_id = '" + profileId + "'") == 1
                        && TestDatabase.queryLong("select count(*) from pg_locks where locktype = 'advisory' "
                        + "and database = (select oid from pg_database where datname = current_database())") == 0);
        return given().auth().oauth2(TestTokens.admin()).queryParam("profileId", profileId.toString())
                .get("/api/vip/packages").then().statusCode(200).extract().jsonPath();
    }

    protected static UUID newProfileId() {
        return UUID.randomUUID();
    }
}
