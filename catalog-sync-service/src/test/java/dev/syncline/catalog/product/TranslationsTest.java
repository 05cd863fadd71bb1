package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item names in every language a tenant lists: written to the shop's languages of that language
 * (the sandbox shop has German as system language and English), an item without a text in a
 * language left to the system language's; a language the shop lacks stops the run in words.
 */
@QuarkusTest
class TranslationsTest extends CatalogTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void namesAreWrittenInEveryLanguageTheTenantLists() {
        PLENTY.reset(120);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("en"))).then().statusCode(200)
                .body("translationLanguages", equalTo(List.of("en")));
        CatalogApi.syncConfig(tenant);

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", job.getString("status"), job.prettify());
        Map<Long, Map<String, String>> texts = itemTexts();
        Map<String, Long> itemOfNumber = new HashMap<>();
        PLENTY.all("/items/variations", Map.of()).forEach(v -> itemOfNumber.put((String) v.get("number"), ((Number) v.get("itemId")).longValue()));
        List<Map<String, Object>> listed = SHOPWARE.storefront().getList("products");
        String english = SHOPWARE.entities("language").stream()
                .filter(l -> "en-GB".equals(((Map<String, Object>) l.get("locale")).get("code"))).findFirst().orElseThrow().get("id").toString();
        Map<String, Map<String, Object>> stored = new HashMap<>();
        SHOPWARE.products().forEach(p -> stored.put((String) p.get("id"), p));
        int translated = 0;
        int fallenBack = 0;
        for (Map<String, Object> product : listed) {
            String number = (String) product.get("productNumber");
            long item = number.startsWith("P-") ? Long.parseLong(number.substring(2)) : itemOfNumber.get(number);
            @SuppressWarnings("unchecked")
            Map<String, String> names = (Map<String, String>) product.get("names");
            Map<String, String> plenty = texts.get(item);
            assertEquals(plenty.get("de"), names.get("de-DE"), number);
            Map<String, Object> inShop = stored.get((String) product.get("id"));
            assertEquals(plenty.get("de.description"), inShop.get("description"), number + " description in the system language");
            if (plenty.containsKey("en")) {
                assertEquals(plenty.get("en"), names.get("en-GB"), number);
                assertEquals(plenty.get("en.description"), ((Map<String, Map<String, Object>>) inShop.get("translations")).get(english)
                        .get("description"), number + " description in en-GB");
                translated++;
            } else {
                assertEquals(plenty.get("de"), names.get("en-GB"), number + " has no English name in Plenty: the system language's shows");
                fallenBack++;
            }
        }
        assertTrue(translated > 0 && fallenBack > 0, "both kinds are listed: " + translated + " translated, " + fallenBack + " not");

        // Without the setting, the items are read in the tenant's language only and nothing more is written.
        int requests = SHOPWARE.stats().getInt("syncRequests");
        CatalogApi.changeTenant(tenant, new HashMap<>(Map.of("translationLanguages", List.of()))).then().statusCode(200);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));
        int withoutTranslations = SHOPWARE.stats().getInt("syncRequests") - requests;
        requests = SHOPWARE.stats().getInt("syncRequests");
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("en"))).then().statusCode(200);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));
        assertTrue(SHOPWARE.stats().getInt("syncRequests") - requests > withoutTranslations, "a text request per batch and language");
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoryNamesAreWrittenInEveryLanguageTheTenantLists() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("en"))).then().statusCode(200);
        CatalogApi.syncConfig(tenant);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));

        String english = SHOPWARE.entities("language").stream()
                .filter(l -> "en-GB".equals(((Map<String, Object>) l.get("locale")).get("code"))).findFirst().orElseThrow().get("id").toString();
        Map<String, Map<String, Object>> shopCategories = new HashMap<>();
        SHOPWARE.entities("category").forEach(c -> shopCategories.put((String) c.get("id"), c));
        List<Map<String, Object>> cached = given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/config")
                .then().statusCode(200).extract().jsonPath().getList("categories");
        Map<Long, Map<String, Object>> cachedById = new HashMap<>();
        cached.forEach(c -> cachedById.put(((Number) c.get("id")).longValue(), c));
        int translated = 0;
        int fallenBack = 0;
        for (Map<String, Object> category : PLENTY.all("/categories", Map.of("with", "details"))) {
            long id = ((Number) category.get("id")).longValue();
            Map<String, String> names = new HashMap<>();
            ((List<Map<String, Object>>) category.get("details")).forEach(d -> names.put((String) d.get("lang"), (String) d.get("name")));
            Map<String, Object> inShop = shopCategories.get(ShopwareIds.of(java.util.UUID.fromString(tenant), "category", id));
            assertEquals(names.get("de"), inShop.get("name"), "category " + id);
            Object translation = ((Map<String, Map<String, Object>>) inShop.getOrDefault("translations", Map.of()))
                    .getOrDefault(english, Map.of()).get("name");
            assertEquals(names.get("en"), translation, "category " + id + " in en-GB");
            assertEquals(names.containsKey("en") ? Map.of("en", names.get("en")) : Map.of(), cachedById.get(id).get("translations"),
                    "the config cache keeps the names of the tenant's translation languages");
            if (names.containsKey("en")) {
                translated++;
            } else {
                fallenBack++;
            }
        }
        assertTrue(translated > 0 && fallenBack > 0, "both kinds exist: " + translated + " translated, " + fallenBack + " not");

        long listedInEnglish = SHOPWARE.storefront().getList("products", Map.class).stream()
                .map(p -> (Map<String, List<String>>) p.get("categoryPaths"))
                .filter(paths -> !paths.get("en-GB").equals(paths.get("de-DE"))).count();
        assertTrue(listedInEnglish > 0, "the storefront shows English category paths");
    }

    @Test
    void aLanguageTheShopDoesNotHaveStopsTheRunInWords() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("en", "fr"))).then().statusCode(200);
        CatalogApi.syncConfig(tenant);

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("dead", job.getString("status"), job.prettify());
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + job.getLong("runId")).then().statusCode(200)
                .body("errorMessage", containsString("no language for fr"))
                .body("errorMessage", containsString("en-GB"));
    }

    @Test
    void aLanguageMustBeATwoLetterCode() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("english"))).then().statusCode(400)
                .body("field", startsWith("translationLanguages"));
    }

    /** Each Plenty item's names by language, read as the service reads them (without lang: every language). */
    @SuppressWarnings("unchecked")
    private static Map<Long, Map<String, String>> itemTexts() {
        Map<Long, Map<String, String>> texts = new HashMap<>();
        for (Map<String, Object> item : PLENTY.all("/items", Map.of())) {
            Map<String, String> names = new HashMap<>();
            ((List<Map<String, Object>>) item.get("texts")).forEach(t -> {
                names.put((String) t.get("lang"), (String) t.get("name1"));
                names.put(t.get("lang") + ".description", (String) t.get("description"));
            });
            texts.put(((Number) item.get("id")).longValue(), names);
        }
        return texts;
    }
}
