package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FULL_PRODUCT: the whole Plenty catalog in Shopware, field by field; the mock shop gets the very same payloads. */
@QuarkusTest
class FullSyncTest extends CatalogTestBase {

    @Test
    void shopwareHoldsTheCatalogFieldByField() {
        PLENTY.reset(150);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        PlentyTruth truth = new PlentyTruth(PLENTY);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(150, job.getLong("counts.read"));
        assertEquals(150, job.getLong("counts.written"));
        assertEquals(truth.expectedProducts(), job.getLong("counts.products"));
        List<Map<String, Object>> products = SHOPWARE.products();
        assertEquals(truth.expectedProducts(), products.size());
        Map<String, Map<String, Object>> byNumber = PlentyTruth.byNumber(products);
        List<String> differences = new ArrayList<>();
        truth.variations.forEach(v -> differences.addAll(truth.differences(v, byNumber)));
        assertEquals(List.of(), differences);
        assertTrue(truth.variations.stream().anyMatch(PlentyTruth::isVariant), "the catalog has variants");
        assertTrue(truth.variations.stream().anyMatch(v -> !PlentyTruth.isVariant(v)), "and products of their own");
        assertNotNull(CatalogApi.syncState(tenant).getString("lastWindowEnd"), "a full sync also ends a window");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stockIsReadInTheStockManagementsSpellingToo() {
        PLENTY.reset(60, Map.of("stockFields", "stockManagement"));
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);

        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));

        PlentyTruth truth = new PlentyTruth(PLENTY);
        assertTrue(truth.variations.stream().allMatch(v -> ((List<Map<String, Object>>) v.get("stock")).get(0).containsKey("stockNet")),
                "Plenty answers stockNet");
        assertTrue(truth.variations.stream().anyMatch(v -> ((Number) ((List<Map<String, Object>>) v.get("stock")).get(0).get("stockNet"))
                .intValue() > 0), "some stock to see");
        Map<String, Map<String, Object>> byNumber = PlentyTruth.byNumber(SHOPWARE.products());
        List<String> differences = new ArrayList<>();
        truth.variations.forEach(v -> differences.addAll(truth.differences(v, byNumber)));
        assertEquals(List.of(), differences);
    }

    @Test
    void aSecondFullSyncUpdatesInsteadOfCreating() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        CatalogApi.sync(tenant, "FULL_PRODUCT");
        List<Map<String, Object>> first = SHOPWARE.products();

        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", again.getString("status"));
        List<Map<String, Object>> second = SHOPWARE.products();
        assertEquals(ids(first), ids(second));
        assertEquals(first, second);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMockShopGetsExactlyWhatShopwareGets() {
        String tenant = CatalogApi.testTenant("mock");
        CatalogApi.syncConfig(tenant);
        JsonPath mockJob = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", mockJob.getString("status"), mockJob.prettify());
        assertEquals(0, SHOPWARE.stats().getInt("syncRequests"), "mock mode never calls Shopware");
        List<Map<String, Object>> mock = CatalogApi.mockProducts(tenant);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sandboxUrl", dev.syncline.catalog.support.PlentySandbox.sandboxUrl(), "shopwareMode", "api"))
                .post("/api/tenants/test-tenant").then().statusCode(200);
        JsonPath apiJob = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", apiJob.getString("status"), apiJob.prettify());

        // The same products with the same numbers, stock and gross prices; the mock shop has no taxes,
        // channels or currencies of its own, so those ids differ.
        Map<Object, Object> shop = SHOPWARE.products().stream().collect(Collectors.toMap(p -> p.get("id"), FullSyncTest::essentials));
        Map<Object, Object> mocked = mock.stream().collect(Collectors.toMap(p -> p.get("id"),
                p -> essentials((Map<String, Object>) p.get("payload"))));
        assertEquals(new PlentyTruth(PLENTY).expectedProducts(), mocked.size());
        assertEquals(shop, mocked);
        assertEquals(mockJob.getLong("counts.products"), apiJob.getLong("counts.products"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> essentials(Map<String, Object> product) {
        List<String> grossPrices = product.get("price") == null ? List.of()
                : ((List<Map<String, Object>>) product.get("price")).stream().map(p -> p.get("gross").toString()).sorted().toList();
        return List.of(String.valueOf(product.get("productNumber")), String.valueOf(product.get("stock")),
                String.valueOf(product.get("active")), grossPrices);
    }

    @Test
    void aStorefrontListsEveryActiveProductWithItsVariantChoice() {
        PLENTY.reset(150);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));

        List<Map<String, Object>> products = SHOPWARE.products();
        Set<Object> withVariants = products.stream().map(p -> p.get("parentId")).filter(id -> id != null).collect(Collectors.toSet());
        long parents = products.stream().filter(p -> p.get("parentId") != null && Boolean.TRUE.equals(p.get("active")))
                .map(p -> p.get("parentId")).distinct().count();
        long ownProducts = products.stream().filter(p -> p.get("parentId") == null && !withVariants.contains(p.get("id"))
                && Boolean.TRUE.equals(p.get("active"))).count();
        assertTrue(withVariants.size() > parents, "some parent has no active variant: " + withVariants.size() + " parents, " + parents);
        JsonPath storefront = SHOPWARE.storefront();
        assertEquals(ownProducts + parents, storefront.getLong("listed"),
                "every active product of its own and every parent with an active variant is listed, a parent without one is not");
        assertEquals(parents, storefront.getLong("withVariantChoice"), "every parent with an active variant offers its variants");
        assertTrue(storefront.getList("products.categoryPath").stream().allMatch(path -> !((List<?>) path).isEmpty()));
        // The shop's own taxes serve: none was created, and every product names one of them.
        assertEquals(3, SHOPWARE.entities("tax").size());
    }

    private static List<Object> ids(List<Map<String, Object>> products) {
        return products.stream().map(p -> p.get("id")).sorted().toList();
    }
}
