package dev.syncline.erp.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.Charset;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The sandbox's SoftOne simulator and its control API, over HTTP. */
public final class SoftOneSandbox {

    private SoftOneSandbox() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }

    public static JsonPath reset(int customers, int suppliers) {
        return control("/sandbox/softone/reset", Map.of("customers", customers, "suppliers", suppliers));
    }

    public static JsonPath change(String entity, Map<String, Object> what) {
        Map<String, Object> body = new java.util.HashMap<>(what);
        body.put("entity", entity);
        return control("/sandbox/softone/changes", body);
    }

    public static void advanceClock(int minutes) {
        control("/sandbox/softone/clock", Map.of("advanceMinutes", minutes));
    }

    public static void inbandError(String message, int count) {
        given().baseUri(url()).contentType(ContentType.JSON).body(Map.of("message", message, "errorcode", -7, "count", count))
                .put("/sandbox/softone/inband-error").then().statusCode(200);
    }

    public static void faults(Map<String, Object> plan) {
        given().baseUri(url()).contentType(ContentType.JSON).body(plan).put("/sandbox/softone/faults").then().statusCode(200);
    }

    public static JsonPath stats() {
        return given().baseUri(url()).get("/sandbox/softone/stats").then().statusCode(200).extract().jsonPath();
    }

    /** What SoftOne itself sends for every customer, decoded from its Windows-1253 bytes here in the test. */
    public static JsonPath rawCustomers() {
        byte[] body = given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-erp", "password", "sandbox-erp-password", "company", "1000"))
                .post("/s1services/JS/webservice.customers/getCustomers").then().statusCode(200)
                .extract().asByteArray();
        return new JsonPath(new String(body, Charset.forName("windows-1253")));
    }

    private static JsonPath control(String path, Map<String, Object> body) {
        return given().baseUri(url()).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(200).extract().jsonPath();
    }
}
