package dev.syncline.commons.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** Real signed OIDC access tokens from the test issuer, for the roles a test needs; and a forged one. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("sync-admin"));
    }

    public static String viewer() {
        return OidcWiremockTestResource.getAccessToken("victor", Set.of("sync-viewer"));
    }

    public static String withoutRoles() {
        return OidcWiremockTestResource.getAccessToken("nobody", Set.of());
    }

    /** A genuine token of the issuer whose groups claim the role only the cron secret grants. */
    public static String claimingCronRole() {
        return OidcWiremockTestResource.getAccessToken("mallory", Set.of("sync-cron", "sync-viewer"));
    }

    /** A well-formed token signed with a key the issuer never published, under a key id it does not know. */
    public static String signedWithUnknownKey(String keyId) {
        return Jwt.preferredUserName("mallory").groups(Set.of("sync-admin")).issuer("https://server.example.com")
                .audience("https://service.example.com").jws().keyId(keyId).sign("privateKeyWithoutKid.jwk");
    }

    /**
     * A genuine admin token of the test issuer, issued to {@code client} ({@code aud} and {@code azp});
     * the services take tokens whose audience is theirs, {@code https://server.example.com} in tests (the test issuer's own default).
     */
    public static String adminIssuedTo(String client) {
        return Jwt.preferredUserName("alice").groups(Set.of("sync-admin")).issuer("https://server.example.com")
                .audience(client).claim("azp", client).subject("123456").jws().keyId("1").sign("privateKey.jwk");
    }

    /** The paths the services asked the test issuer for (its WireMock request journal). */
    public static List<String> requestsToTheIssuer() {
        String issuer = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        String admin = issuer.substring(0, issuer.indexOf('/', "http://".length())) + "/__admin/requests";
        JsonPath journal = given().get(admin).then().statusCode(200).extract().jsonPath();
        return journal.getList("requests.request.url", String.class);
    }
}
