package dev.syncline.catalog.config;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentySandbox;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tenant's VAT configuration: Plenty's standard one by default, else the one valid now of the
 * accounting location (and country) the tenant names; settings are checked where they are given.
 */
@QuarkusTest
class VatConfigurationTest extends CatalogTestBase {

    @Test
    void theTenantsAccountingLocationGivesTheRates() {
        String tenant = CatalogApi.tenant("Shop Wien", PlentySandbox.MAIN, SHOPWARE, "mock");
        CatalogApi.syncConfig(tenant);
        assertEquals(Map.of("0", 19f, "1", 7f, "2", 0f, "3", 0f), vatRates(tenant), "by default the standard configuration");

        CatalogApi.changeTenant(tenant, Map.of("vatLocationId", 1)).then().statusCode(200).body("vatLocationId", equalTo(1));
        CatalogApi.syncConfig(tenant);
        assertEquals(Map.of("0", 20f, "1", 10f, "2", 13f, "3", 0f), vatRates(tenant));

        // Location 0 has an expired configuration and the valid one: the valid one applies.
        CatalogApi.changeTenant(tenant, Map.of("vatLocationId", 0, "vatCountryId", 1)).then().statusCode(200);
        CatalogApi.syncConfig(tenant);
        assertEquals(Map.of("0", 19f, "1", 7f, "2", 0f, "3", 0f), vatRates(tenant));
    }

    @Test
    void aLocationWithoutAValidConfigurationIsRefusedInWords() {
        String tenant = CatalogApi.tenant("Shop Graz", PlentySandbox.MAIN, SHOPWARE, "mock");
        CatalogApi.changeTenant(tenant, Map.of("vatLocationId", 1, "vatCountryId", 1)).then().statusCode(200);

        JsonPath job = CatalogApi.sync(tenant, "CONFIG");

        assertEquals("dead", job.getString("status"), job.prettify());
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + job.getLong("runId")).then().statusCode(200)
                .body("errorMessage", containsString("no VAT configuration valid now for accounting location 1 and country 1"))
                .body("errorMessage", containsString("configuration 3 (location 1, country 2"));
    }

    @Test
    void settingsAreCheckedAndShown() {
        String tenant = CatalogApi.tenant("Shop Linz", PlentySandbox.MAIN, SHOPWARE, "mock");
        CatalogApi.changeTenant(tenant, Map.of("vatCountryId", 2)).then().statusCode(400).body("field", equalTo("vatCountryId"));
        CatalogApi.changeTenant(tenant, Map.of("vatLocationId", -1)).then().statusCode(400)
                .body("detail", containsString("vatLocationId"));
        CatalogApi.changeTenant(tenant, Map.of("salesChannelIds", List.of("Storefront"))).then().statusCode(400)
                .body("detail", containsString("salesChannelIds"));
        CatalogApi.changeTenant(tenant, Map.of("salesChannelIds", List.of())).then().statusCode(400)
                .body("detail", containsString("salesChannelIds"));
        CatalogApi.changeTenant(tenant, Map.of("rootCategoryId", "A1B2")).then().statusCode(400)
                .body("detail", containsString("rootCategoryId"));

        Map<String, Object> all = Map.of("vatLocationId", 1, "vatCountryId", 2,
                "salesChannelIds", List.of("98432def39fc4624b33213a56b8c944d"), "rootCategoryId", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        CatalogApi.changeTenant(tenant, all).then().statusCode(200);
        JsonPath shown = given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant).then().statusCode(200)
                .extract().jsonPath();
        all.forEach((field, value) -> assertEquals(value, shown.get(field), field));
        Map<String, Object> defaults = new HashMap<>();
        all.keySet().forEach(field -> defaults.put(field, null));
        CatalogApi.changeTenant(tenant, defaults).then().statusCode(200).body("vatLocationId", equalTo(null))
                .body("salesChannelIds", equalTo(null)).body("rootCategoryId", equalTo(null));
    }

    private static Map<String, Float> vatRates(String tenant) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/config").then().statusCode(200)
                .extract().jsonPath().getMap("vatRates", String.class, Float.class);
    }
}
