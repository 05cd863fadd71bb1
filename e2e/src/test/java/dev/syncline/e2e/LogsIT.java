package dev.syncline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.e2e.E2eSystem.Service;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged services log JSON lines in production, a run's fields on its lines, and never a secret. */
class LogsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        E2eSystem.start();
    }

    @Test
    void everyLineOfARunCarriesItsRunIdAndJob() throws IOException {
        given().contentType(ContentType.JSON).body(Map.of("customers", 30, "suppliers", 5))
                .post(E2eSystem.SANDBOX + "/sandbox/softone/reset").then().statusCode(200);
        long runId = AdminEndpointsIT.cron(Service.ERP).body(Map.of("full", true)).post("/api/cron/sync-customers")
                .then().statusCode(200).extract().jsonPath().getLong("runId");

        List<JsonNode> lines = lines(Service.ERP);
        List<JsonNode> ofRun = lines.stream().filter(line -> String.valueOf(runId).equals(line.path("mdc").path("runId").asText())).toList();
        assertTrue(ofRun.stream().anyMatch(line -> line.path("message").asText().startsWith("Run " + runId + " of erp-customers started")));
        assertTrue(ofRun.stream().anyMatch(line -> line.path("message").asText().startsWith("Run " + runId + " of erp-customers succeeded")));
        assertTrue(ofRun.stream().allMatch(line -> "erp-customers".equals(line.path("mdc").path("job").asText())));
        // Lines that speak of this run are all inside it.
        List<JsonNode> mentioning = lines.stream().filter(line -> line.path("message").asText().startsWith("Run " + runId + " ")).toList();
        assertEquals(mentioning.size(), mentioning.stream().filter(ofRun::contains).count(), "every 'Run " + runId + "' line has its runId");
    }

    @Test
    void aTenantsRunCarriesTheTenant() throws IOException {
        long job = AdminEndpointsIT.cron(Service.CATALOG).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/" + AdminEndpointsIT.TEST_TENANT + "/syncs").then().statusCode(202).extract().jsonPath().getLong("jobId");
        long runId = AdminEndpointsIT.awaitCatalogJob(job);
        List<JsonNode> ofRun = lines(Service.CATALOG).stream()
                .filter(line -> String.valueOf(runId).equals(line.path("mdc").path("runId").asText())).toList();
        assertFalse(ofRun.isEmpty());
        assertTrue(ofRun.stream().allMatch(line -> AdminEndpointsIT.TEST_TENANT.equals(line.path("mdc").path("tenant").asText())));
    }

    @Test
    void noSecretEverReachesALog() throws IOException {
        // Tokens and secrets travel in every kind of request first, including refused ones.
        String token = E2eSystem.token(Service.MAGENTO, "ada");
        given().auth().oauth2(token).get(Service.MAGENTO.url() + "/api/runs").then().statusCode(200);
        given().auth().oauth2(token + "x").get(Service.MAGENTO.url() + "/api/runs").then().statusCode(401);
        given().auth().oauth2(E2eSystem.get("CRON_SECRET") + "x").get(Service.ERP.url() + "/api/runs").then().statusCode(401);

        List<String> secrets = new ArrayList<>(List.of(token, E2eSystem.get("CRON_SECRET"), E2eSystem.get("DEMO_USER_PASSWORD"),
                E2eSystem.get("KEYCLOAK_ADMIN_PASSWORD"), E2eSystem.get("MIGRATION_UI_CLIENT_SECRET"), E2eSystem.get("ENCRYPTION_KEY"),
                // the upstream credentials the services were started with (deploy/local/lib.sh)
                "sandbox-erp-password", "sandbox-password", "shpat_sandbox_token", "cs_sandbox", "sandbox-crm-key",
                "sandbox-plenty-password", "sandbox-shopware-secret"));
        for (Service service : Service.values()) {
            secrets.add(E2eSystem.get(service.name.toUpperCase().replace('-', '_') + "_CLIENT_SECRET"));
        }
        for (Service service : Service.values()) {
            String log = Files.readString(E2eSystem.logDir().resolve(service.name + ".log"));
            assertTrue(log.length() > 1000, service.name + " wrote its log");
            for (String secret : secrets) {
                assertFalse(log.contains(secret), service.name + "'s log holds a secret (" + secret.substring(0, 4) + "…)");
            }
        }
    }

    @Test
    void productionLogsAreJsonLines() throws IOException {
        for (Service service : Service.values()) {
            List<JsonNode> lines = lines(service);
            assertTrue(lines.size() > 5, service.name);
            assertTrue(lines.stream().allMatch(line -> line.has("timestamp") && line.has("level") && line.has("message")));
        }
    }

    /** The service's log after its banner: every line must be a JSON object. */
    static List<JsonNode> lines(Service service) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(E2eSystem.logDir().resolve(service.name + ".log"))) {
            if (line.isBlank() || !line.startsWith("{") && lines.isEmpty()) {
                continue; // Quarkus's start banner is printed before the log is set up
            }
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
