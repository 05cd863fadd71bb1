package dev.syncline.migration.migrate;

import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.MigrationApi;
import dev.syncline.migration.support.MigrationTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migrations into Shopify of what WooCommerce really holds, against a sandbox that types its schema
 * as Shopify does: what Shopify's enums would refuse is left out, and what Shopify still refuses
 * says which field and why.
 */
@QuarkusTest
class ShopifyContractApiTest extends MigrationTestBase {

    @Test
    void aCustomerWithoutACountryIsMigratedWithItsAddressAndNoCountry() {
        Map<String, Object> billing = Map.of("first_name", "Ohne", "last_name", "Land", "address_1", "Main Street 5", "city", "Springfield",
                "postcode", "", "state", "", "country", "", "email", "ohne.land@example.com", "phone", "");
        String id = woo().body(Map.of("email", "ohne.land@example.com", "first_name", "Ohne", "last_name", "Land", "billing", billing))
                .post("/woo/wp-json/wc/v3/customers").then().statusCode(201).extract().path("id").toString();

        JsonPath run = MigrationApi.syncCustomers("woocommerce", List.of(id));
        assertEquals(1, run.getInt("summary.succeeded"), run.prettify());
        assertNull(run.get("results[0].warnings"), "nothing was refused: " + run.prettify());
        Map<String, Object> stored = CommerceSandbox.held("shopify", "customers").stream()
                .filter(c -> c.get("id").equals(run.getString("results[0].newCustomerId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) stored.get("defaultAddress");
        assertEquals("Main Street 5", address.get("address1"), stored.toString());
        assertEquals("Springfield", address.get("city"));
        assertNull(address.get("countryCodeV2"), "no country rather than one Shopify refuses: " + address);
        assertNull(address.get("zip"), address.toString());
    }

    @Test
    void aRecordShopifyRefusesSaysWhichFieldAndWhy() {
        // WooCommerce offers currencies that Shopify's CurrencyCode does not have (Transnistrian ruble).
        String id = woo().body(Map.of("currency", "PRB", "status", "pending", "billing", Map.of("email", "rubel@example.com"),
                        "line_items", List.of(Map.of("name", "Gravur", "quantity", 1, "total", "5.00"))))
                .post("/woo/wp-json/wc/v3/orders").then().statusCode(201).extract().path("id").toString();

        JsonPath run = MigrationApi.syncOrders("woocommerce", List.of(id), false);
        assertEquals(1, run.getInt("summary.failed"), run.prettify());
        String error = run.getString("results[0].error");
        assertTrue(error.contains("order.currency") && error.contains("Expected \"PRB\" to be one of: "), error);
        assertFalse(error.contains("ZWL"), "the long list of Shopify's values is cut: " + error);
        assertEquals(0, CommerceSandbox.held("shopify", "orders").stream().filter(o -> String.valueOf(o.get("tags")).contains(id)).count());
    }

    @Test
    void theAdminApiPathCarriesTheConfiguredVersionWhichIsTheReadmes() throws IOException {
        String configured = ConfigProvider.getConfig().getValue("migration.shopify.api-version", String.class);
        assertEquals(readmeVersion(), configured);
        MigrationApi.compare("customers", "woocommerce");
        assertEquals(List.of(configured), CommerceSandbox.stats().getList("shopifyApiVersions"));
    }

    /** The default the README's configuration table gives SHOPIFY_API_VERSION. */
    private static String readmeVersion() throws IOException {
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            if (line.startsWith("|") && line.contains("`SHOPIFY_API_VERSION`")) {
                Matcher version = Pattern.compile("`(\\d{4}-\\d{2})`").matcher(line);
                assertTrue(version.find(), line);
                return version.group(1);
            }
        }
        throw new AssertionError("the README names no SHOPIFY_API_VERSION");
    }

    private static RequestSpecification woo() {
        return given().baseUri(CommerceSandbox.url()).auth().preemptive().basic("ck_sandbox", "cs_sandbox").contentType(ContentType.JSON);
    }
}
