package dev.syncline.sandbox.softone;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SoftOne simulator answers as a SoftOne installation does: cp1253 bytes, in-band errors, windows. */
class SoftOneSimulatorTest extends RunningSandbox {

    private static final Charset WINDOWS_1253 = Charset.forName("windows-1253");
    private static final Map<String, String> CREDENTIALS =
            Map.of("username", "sandbox-erp", "password", "sandbox-erp-password", "company", "1000");


    @BeforeEach
    void freshErp() {
        control("/sandbox/softone/reset", Map.of("customers", 200, "suppliers", 20));
    }

    @Test
    void answersInWindows1253UnderAMisleadingHeader() {
        Response response = customers(CREDENTIALS);

        assertEquals("application/json; charset=utf-8", response.getHeader("Content-Type"));
        byte[] body = response.asByteArray();
        String asCp1253 = new String(body, WINDOWS_1253);
        assertTrue(asCp1253.contains("Δ.Ο.Υ."), "Greek decodes from Windows-1253");
        assertNotEquals(asCp1253, new String(body, StandardCharsets.UTF_8), "and is not UTF-8");
        JsonPath json = new JsonPath(asCp1253);
        assertEquals(true, json.getBoolean("success"));
        assertEquals(200, json.getInt("total"));
        assertEquals(200, json.getList("result").size());
    }

    @Test
    void everyAfmHasAValidCheckDigit() {
        List<String> afms = new JsonPath(new String(customers(CREDENTIALS).asByteArray(), WINDOWS_1253))
                .getList("result.AFM", String.class);
        assertEquals(200, afms.size());
        afms.forEach(afm -> assertTrue(TraderGenerator.validAfm(afm), afm));
        assertFalse(TraderGenerator.validAfm("123456789"));
        assertTrue(TraderGenerator.validAfm("094014201"));
    }

    @Test
    void windowsHoldOnlyWhatChangedSinceTheirStart() {
        String now = control("/sandbox/softone/clock", Map.of("advanceMinutes", 30)).getString("now");
        JsonPath changed = control("/sandbox/softone/changes", Map.of("entity", "customers", "changed", 4, "created", 1));

        Map<String, String> query = new java.util.HashMap<>(CREDENTIALS);
        query.put("window_start", now);
        JsonPath window = new JsonPath(new String(customers(query).asByteArray(), WINDOWS_1253));
        assertEquals(5, window.getInt("total"));
        assertEquals(now, window.getString("window_start"));
        assertEquals(changed.getString("at"), window.getString("at"));
        assertTrue(window.getList("result.TRDR", Object.class).stream().map(String::valueOf).toList()
                .containsAll(changed.getList("changed", Long.class).stream().map(String::valueOf).toList()));
    }

    @Test
    void errorsComeInBandWithHttp200() {
        JsonPath wrong = new JsonPath(new String(customers(Map.of("username", "sandbox-erp", "password", "x",
                "company", "1000")).then().statusCode(200).extract().asByteArray(), WINDOWS_1253));
        assertEquals(false, wrong.getBoolean("success"));
        assertEquals(-101, wrong.getInt("errorcode"));
        assertTrue(wrong.getString("error").startsWith("Λάθος"));

        JsonPath company = new JsonPath(new String(customers(Map.of("username", "sandbox-erp",
                "password", "sandbox-erp-password", "company", "9")).asByteArray(), WINDOWS_1253));
        assertEquals(-2, company.getInt("errorcode"));

        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("message", "Κλειστό", "count", 1))
                .put("/sandbox/softone/inband-error").then().statusCode(200);
        assertEquals("Κλειστό", new JsonPath(new String(customers(CREDENTIALS).asByteArray(), WINDOWS_1253))
                .getString("error"));
        assertEquals(true, new JsonPath(new String(customers(CREDENTIALS).asByteArray(), WINDOWS_1253))
                .getBoolean("success"), "only the next call fails");
    }

    private static Response customers(Map<String, String> body) {
        return given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(body)
                .post("/s1services/JS/webservice.customers/getCustomers");
    }

    private static JsonPath control(String path, Map<String, Object> body) {
        return given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(200).extract().jsonPath();
    }
}
