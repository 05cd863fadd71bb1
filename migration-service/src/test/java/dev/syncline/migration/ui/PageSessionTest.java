package dev.syncline.migration.ui;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.MigrationApi;
import dev.syncline.migration.support.MigrationTestBase;
import dev.syncline.migration.support.PageLogin;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages' login session, tried as another origin's page would use it: the cookie opens the
 * pages and their own actions only, and those only for the page itself.
 */
@QuarkusTest
class PageSessionTest extends MigrationTestBase {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSessionCookieOpensNoApiEndpoint() {
        PageLogin.Session session = PageLogin.logIn();
        session.request().get("/customer-sync").then().statusCode(200).body(containsString("Customer Sync"));

        session.request().contentType(ContentType.JSON).body(syncTwoCustomers())
                .post("/api/customers/sync").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        session.request().body("{\"sourceOfTruth\":\"woocommerce\"}").post("/api/customers/compare").then().statusCode(401);
        session.request().post("/api/jobs/migrate-customers:shopify/pause").then().statusCode(401);
        session.request().get("/api/runs").then().statusCode(401);

        assertNothingStarted();
    }

    @Test
    void aPageActionWithTheCookieNeedsTheTypeThePageHeaderAndThisOrigin() {
        PageLogin.Session session = PageLogin.logIn();
        byte[] body = syncTwoCustomersOfThePage().getBytes(StandardCharsets.UTF_8);

        // What fetch(…, {mode: 'no-cors', credentials: 'include', body: new Blob([json])}) sends: no Content-Type
        // (REST Assured always adds one, so the JDK's client sends this one).
        HttpResponse<String> untyped = postWithoutContentType(session, "/customer-sync/sync", body);
        assertEquals(415, untyped.statusCode(), untyped.body());
        assertTrue(untyped.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(untyped.body().contains("\"field\":\"Content-Type\""), untyped.body());
        session.request().contentType("text/plain").body(body)
                .post("/customer-sync/sync").then().statusCode(403).body("field", equalTo("X-Requested-With"));
        session.request().contentType(ContentType.JSON).body(body)
                .post("/customer-sync/sync").then().statusCode(403).body("field", equalTo("X-Requested-With"));
        session.request().contentType(ContentType.JSON).header("X-Requested-With", "JavaScript").header("Origin", "http://localhost:1")
                .body(body).post("/customer-sync/sync").then().statusCode(403).body("field", equalTo("Origin"))
                .body("detail", containsString("http://localhost:1"));
        session.request().contentType(ContentType.JSON).header("X-Requested-With", "JavaScript").header("Sec-Fetch-Site", "same-site")
                .body(body).post("/order-sync/compare").then().statusCode(403).body("field", equalTo("Sec-Fetch-Site"));
        assertNothingStarted();

        // The page itself: its own origin, its header, JSON.
        long id = session.request().contentType(ContentType.JSON).header("X-Requested-With", "JavaScript")
                .header("Origin", origin()).header("Sec-Fetch-Site", "same-origin").body(body)
                .post("/customer-sync/sync").then().statusCode(202).extract().jsonPath().getLong("migrationId");
        assertEquals("succeeded", MigrationApi.awaitMigration(id).getString("status"));
    }

    @Test
    void theLoginUsesPkceAndItsCookieIsSecureBehindHttps() {
        PageLogin.Session plain = PageLogin.logIn();
        assertTrue(plain.authorizationUrl().contains("code_challenge_method=S256"), plain.authorizationUrl());
        assertTrue(plain.authorizationUrl().contains("code_challenge="), plain.authorizationUrl());
        String cookie = sessionCookie(plain.setCookies());
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on this machine: " + cookie);

        PageLogin.Session proxied = PageLogin.logIn("https");
        assertTrue(proxied.authorizationUrl().contains("redirect_uri=https%3A"), proxied.authorizationUrl());
        assertTrue(sessionCookie(proxied.setCookies()).contains("Secure"), sessionCookie(proxied.setCookies()));
    }

    @Test
    void thePagesForbidFramingSniffingReferrersAndCaching() {
        PageLogin.Session session = PageLogin.logIn();
        for (String path : List.of("/customer-sync", "/order-sync", "/tools/sync-tool.js")) {
            session.request().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store");
        }
    }

    @Test
    void loggingOutEndsTheSessionHereAndAtTheIssuer() {
        PageLogin.Session session = PageLogin.logIn();
        Response logout = session.request().get("/logout");
        assertEquals(302, logout.statusCode());
        assertTrue(logout.header("Location").contains("/protocol/openid-connect/end-session"), logout.header("Location"));
        assertTrue(logout.header("Location").contains("post_logout_redirect_uri="), logout.header("Location"));
        String cleared = sessionCookie(logout.headers().getValues("Set-Cookie"));
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        given().redirects().follow(false).get("/tools/logged-out.html").then().statusCode(200)
                .body(containsString("You are logged out"));
        // Anonymous again: the page asks for a login.
        given().redirects().follow(false).get("/customer-sync").then().statusCode(302);
    }

    private HttpResponse<String> postWithoutContentType(PageLogin.Session session, String path, byte[] body) {
        String cookies = session.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + path)).header("Cookie", cookies)
                .header("Origin", "http://localhost:1").header("Sec-Fetch-Site", "same-site")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the request did not complete", e);
        }
    }

    private void assertNothingStarted() {
        given().auth().oauth2(TestTokens.admin()).get("/api/runs").then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
        given().auth().oauth2(TestTokens.admin()).get("/api/jobs").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("\"paused\":true")));
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("q_session")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private static Map<String, Object> syncTwoCustomers() {
        List<String> ids = onlyInWoo(2);
        return Map.of("sourceOfTruth", "woocommerce", "customers", ids.stream().map(id -> Map.of("sourceCustomerId", id)).toList());
    }

    private static String syncTwoCustomersOfThePage() {
        List<String> ids = onlyInWoo(2);
        return "{\"sourceOfTruth\":\"woocommerce\",\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    private static List<String> onlyInWoo(int count) {
        return CommerceSandbox.truth("customers", "woocommerce").getList("onlyInSource", String.class).subList(0, count);
    }
}
