package dev.syncline.packages.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The sandbox's CRM: its control API, and reads through PostgREST as any client would. */
public final class CrmSandbox {

    private CrmSandbox() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }

    public static void reset(int customers, int packages, int maxRows) {
        control().body(Map.of("customers", customers, "packages", packages, "maxRows", maxRows))
                .post("/sandbox/crm/reset").then().statusCode(200);
    }

    public static String addCustomer(String email, String phone, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("phone", phone);
        body.put("name", name);
        return control().body(body).post("/sandbox/crm/customers").then().statusCode(200).extract().path("id");
    }

    public static String addPackage(String customerId, String name) {
        return control().body(Map.of("customer_id", customerId, "package_name", name))
                .post("/sandbox/crm/packages").then().statusCode(200).extract().path("id");
    }

    public static void removePackage(String id) {
        control().delete("/sandbox/crm/packages/" + id).then().statusCode(200);
    }

    public static void failCustomers(List<String> ids) {
        control().body(Map.of("ids", ids)).put("/sandbox/crm/failing-customers").then().statusCode(200);
    }

    public static void faults(Map<String, Object> plan) {
        control().body(plan).put("/sandbox/crm/faults").then().statusCode(200);
    }

    /** Every customer id, read page by page through PostgREST. */
    public static List<String> customerIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<String> page = rest().queryParam("select", "id").queryParam("order", "id.asc")
                    .queryParam("offset", offset).get("/rest/v1/customers").then().statusCode(200).extract().path("id");
            ids.addAll(page);
            if (page.isEmpty() || offset + page.size() >= total("customers", null)) {
                return ids;
            }
        }
    }

    /** Every customer's id and email, read page by page through PostgREST. */
    public static List<Map<String, String>> customers() {
        List<Map<String, String>> customers = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<Map<String, String>> page = rest().queryParam("select", "id,email").queryParam("order", "id.asc")
                    .queryParam("offset", offset).get("/rest/v1/customers").then().statusCode(200).extract().jsonPath().getList("$");
            customers.addAll(page);
            if (page.size() < 1000) {
                return customers;
            }
        }
    }

    /** How many packages the CRM holds, for some customers or all. */
    public static long total(String table, String customerFilter) {
        RequestSpecification request = rest().header("Prefer", "count=exact").queryParam("limit", 1);
        if (customerFilter != null) {
            request = request.queryParam("customer_id", customerFilter);
        }
        String range = request.get("/rest/v1/" + table).header("Content-Range");
        return Long.parseLong(range.substring(range.indexOf('/') + 1));
    }

    private static RequestSpecification rest() {
        return given().baseUri(url()).header("apikey", "sandbox-crm-key");
    }

    private static RequestSpecification control() {
        return given().baseUri(url()).contentType(ContentType.JSON);
    }
}
