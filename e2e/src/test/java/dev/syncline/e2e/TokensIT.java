package dev.syncline.e2e;

import dev.syncline.e2e.E2eSystem.Service;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens the services must refuse although Keycloak issued them: expired ones, another service's, another realm's. */
class TokensIT {

    @BeforeAll
    static void start() {
        E2eSystem.start();
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // A client of the realm whose tokens live 2 seconds, made through Keycloak's admin API.
        String admin = E2eSystem.masterRealmToken();
        String secret = "short-" + System.nanoTime();
        int created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", "e2e-short-lived", "secret", secret, "publicClient", false,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                        "attributes", Map.of("access.token.lifespan", "2"),
                        // Its tokens name every service as audience, as the services' own clients do.
                        "protocolMappers", java.util.Arrays.stream(Service.values()).map(service -> Map.of(
                                "name", "audience-" + service.name, "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.client.audience", service.name, "access.token.claim", "true")))
                                .toList()))
                .post(E2eSystem.KEYCLOAK + "/admin/realms/syncline/clients").statusCode();
        assertEquals(201, created, "the test client is created (or already there from an earlier test run)");
        String token = given().formParam("grant_type", "password").formParam("client_id", "e2e-short-lived")
                .formParam("client_secret", secret).formParam("username", "ada")
                .formParam("password", E2eSystem.get("DEMO_USER_PASSWORD"))
                .post(E2eSystem.REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");

        for (Service service : Service.values()) {
            given().auth().oauth2(token).get(service.url() + "/api/runs").then().statusCode(200);
        }
        Thread.sleep(4_000);
        for (Service service : Service.values()) {
            given().auth().oauth2(token).get(service.url() + "/api/runs").then().statusCode(401);
        }
    }

    @Test
    void aTokenIssuedToAnotherServiceIsRefused() {
        // Same realm, same user, real signature: but the token's audience is another service's client.
        Service[] services = Service.values();
        for (int i = 0; i < services.length; i++) {
            Service service = services[i];
            Service other = services[(i + 1) % services.length];
            given().auth().oauth2(E2eSystem.token(service, "ada")).get(service.url() + "/api/runs").then().statusCode(200);
            given().auth().oauth2(E2eSystem.token(other, "ada")).get(service.url() + "/api/runs").then().statusCode(401);
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        // Keycloak's master realm: same server, real signature, but not the issuer the services trust.
        String foreign = E2eSystem.masterRealmToken();
        for (Service service : Service.values()) {
            given().auth().oauth2(foreign).get(service.url() + "/api/runs").then().statusCode(401);
        }
    }
}
