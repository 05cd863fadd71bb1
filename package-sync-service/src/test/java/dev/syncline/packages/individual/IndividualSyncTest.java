package dev.syncline.packages.individual;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.packages.support.CrmSandbox;
import dev.syncline.packages.support.PackageTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One user's packages: synced on login, on a booking and on a VIP refresh; only for themselves. */
@QuarkusTest
class IndividualSyncTest extends PackageTestBase {

    private String customer;
    private String firstPackage;
    private UUID profile;

    @BeforeEach
    void aCustomerWithPackages() {
        CrmSandbox.reset(50, 80, 1000);
        customer = CrmSandbox.addCustomer("vip.member@example.com", "+66 96 123 4567", "Vip Member");
        firstPackage = CrmSandbox.addPackage(customer, "Gold 20 Hours");
        CrmSandbox.addPackage(customer, "5 Coaching Sessions");
        profile = newProfileId();
    }

    @Test
    void aLoginSyncsWithoutMakingTheLoginWait() {
        String answer = login(profile, "vip.member@example.com", null, "Vip Member").getString("sync");

        assertEquals("started", answer);
        assertEquals(2, awaitMapping(profile).getList("packages").size());
    }

    @Test
    void aBookingAndAVipRefreshSyncAgainAndVanishedPackagesGo() {
        login(profile, "vip.member@example.com", null, null);
        awaitMapping(profile);
        CrmSandbox.addPackage(customer, "Junior Academy 10");

        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body(Map.of("profileId", profile.toString())).post("/api/hooks/booking-created").then().statusCode(202);
        assertEquals(3, awaitMapping(profile).getList("packages").size());

        CrmSandbox.removePackage(firstPackage);
        given().auth().oauth2(userToken(profile)).contentType(ContentType.JSON)
                .body(Map.of("profileId", profile.toString())).post("/api/vip/packages").then().statusCode(200)
                .body("packages.size()", equalTo(2))
                .body("packages.crmPackageId", not(hasItems(firstPackage)))
                .body("mapping.matchedBy", equalTo("email"));
    }

    @Test
    void aUserSeesAndRefreshesOnlyTheirOwnPackages() {
        login(profile, "vip.member@example.com", null, null);
        awaitMapping(profile);
        UUID other = newProfileId();

        given().auth().oauth2(userToken(profile)).get("/api/vip/packages").then().statusCode(200)
                .body("profileId", equalTo(profile.toString())).body("packages.size()", equalTo(2));
        given().auth().oauth2(userToken(other)).queryParam("profileId", profile.toString())
                .get("/api/vip/packages").then().statusCode(403)
                .body("detail", containsString("own packages"));
        given().auth().oauth2(userToken(other)).contentType(ContentType.JSON)
                .body(Map.of("profileId", profile.toString())).post("/api/vip/packages").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).queryParam("profileId", profile.toString())
                .get("/api/vip/packages").then().statusCode(200);
        given().get("/api/vip/packages").then().statusCode(401);
    }

    @Test
    void aLoginStormBecomesOneSync() {
        CrmSandbox.faults(Map.of("latencyMs", 400));
        List<String> answers = java.util.stream.IntStream.range(0, 5).parallel()
                .mapToObj(i -> login(profile, "vip.member@example.com", null, null).getString("sync")).toList();

        assertEquals(1, answers.stream().filter("started"::equals).count(), answers.toString());
        assertEquals(2, awaitMapping(profile).getList("packages").size());
    }

    @Test
    void aRefreshWhileTheProfilesSyncRunsGets409AndAnUnknownProfile404() {
        login(profile, "vip.member@example.com", null, null);
        awaitMapping(profile);
        dev.syncline.commons.testing.TestDatabase.execute("update package_sync.profile set sync_claimed_until = now() + interval '1 minute' "
                + "where id = '" + profile + "'");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("profileId", profile.toString())).post("/api/vip/packages").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("profileId", newProfileId().toString())).post("/api/vip/packages").then().statusCode(404);
    }

    @Test
    void badHookBodiesAreRejectedNamingTheField() {
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body(Map.of("profileId", "not-a-uuid")).post("/api/hooks/login").then().statusCode(400)
                .body("field", equalTo("profileId"));
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body("{}").post("/api/hooks/login").then().statusCode(400).body("field", equalTo("profileId"));
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body(Map.of("profileId", newProfileId().toString())).post("/api/hooks/booking-created")
                .then().statusCode(404).body("detail", containsString("a login creates it"));
        given().auth().oauth2(userToken(profile)).contentType(ContentType.JSON).body(Map.of("profileId", "x"))
                .post("/api/hooks/login").then().statusCode(403);
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body("{\"profileId\": \"" + newProfileId() + "\", \"email\": \"a\\u0000b@example.com\"}")
                .post("/api/hooks/login").then().statusCode(400).body("field", equalTo("email"));
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body("{\"profileId\": \"" + newProfileId() + "\", \"name\": 42}")
                .post("/api/hooks/login").then().statusCode(400).body("field", equalTo("name"));
    }
}
