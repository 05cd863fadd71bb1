package dev.syncline.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The system under test, started once for every test class by deploy/e2e/up.sh (pg_cron cluster,
 * Keycloak, sandbox, the five packaged services) and stopped by down.sh when the test JVM ends.
 */
public final class E2eSystem {

    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String REALM = KEYCLOAK + "/realms/syncline";
    public static final String SANDBOX = "http://127.0.0.1:8090";

    /** Each service: its name (also its Keycloak client), port and schema. */
    public enum Service {
        MAGENTO("magento-sync-service", 8081, "magento_sync"),
        ERP("erp-sync-service", 8082, "erp_sync"),
        CATALOG("catalog-sync-service", 8083, "catalog_sync"),
        MIGRATION("migration-service", 8084, "migration"),
        PACKAGES("package-sync-service", 8085, "package_sync");

        public final String name;
        public final int port;
        public final String schema;

        Service(String name, int port, String schema) {
            this.name = name;
            this.port = port;
            this.schema = schema;
        }

        public String url() {
            return "http://localhost:" + port;
        }

        String secretVariable() {
            return name.toUpperCase().replace('-', '_') + "_CLIENT_SECRET";
        }
    }

    private static Properties env;

    private E2eSystem() {
    }

    /** Starts the system on first use; every test class calls this first. */
    public static synchronized Properties start() {
        if (env != null) {
            return env;
        }
        Path state = Path.of(System.getProperty("e2e.state", "target/e2e"));
        Path root = Path.of(System.getProperty("e2e.root", ".."));
        // -De2e.running=true: test against a system an earlier up.sh left running (while writing tests).
        if (!Boolean.getBoolean("e2e.running")) {
            run(root, Duration.ofMinutes(8), "bash", "deploy/e2e/up.sh", state.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    run(root, Duration.ofMinutes(1), "bash", "deploy/e2e/down.sh", state.toString())));
        }
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(state.resolve("env.properties"))) {
            loaded.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("up.sh wrote no env.properties", e);
        }
        env = loaded;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        return env;
    }

    public static String get(String name) {
        return start().getProperty(name);
    }

    public static Path logDir() {
        return Path.of(get("LOG_DIR"));
    }

    /** A token from Keycloak's token endpoint for a demo user, through the service's own client. */
    public static String token(Service service, String user) {
        JsonPath answer = RestAssured.given().formParam("grant_type", "password")
                .formParam("client_id", service.name).formParam("client_secret", get(service.secretVariable()))
                .formParam("username", user).formParam("password", get("DEMO_USER_PASSWORD"))
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().jsonPath();
        return answer.getString("access_token");
    }

    /** An admin of Keycloak's master realm: a real token, but from another issuer. */
    public static String masterRealmToken() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", get("KEYCLOAK_ADMIN_PASSWORD"))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    public static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + get("DB_PORT") + "/syncline", "postgres", null);
    }

    private static void run(Path directory, Duration limit, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).inheritIO().start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + limit);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
