package dev.syncline.packages.support;

import dev.syncline.commons.testing.ServiceApiTest;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Every test starts from empty tables, a calm CRM and closed circuit breakers. */
public abstract class PackageTestBase extends ServiceApiTest {

    @Override
    protected void afterCleanSlate() {
        CrmSandbox.faults(Map.of());
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
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> synced(profileId));
        return given().auth().oauth2(TestTokens.admin()).queryParam("profileId", profileId.toString())
                .get("/api/vip/packages").then().statusCode(200).extract().jsonPath();
    }

    /** The profile is mapped and no sync of it is pending or running. */
    protected static boolean synced(UUID profileId) {
        return TestDatabase.queryLong("select count(*) from package_sync.profile p join package_sync.crm_mapping m "
                + "on m.profile_id = p.id where p.id = '" + profileId + "' and p.sync_requested_at is null "
                + "and p.sync_claimed_until is null") == 1;
    }

    protected static UUID newProfileId() {
        return UUID.randomUUID();
    }
}
