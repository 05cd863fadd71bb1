package dev.syncline.catalog.image;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plenty item images in the shop: uploaded by URL into media with derived ids, shown by the parent
 * or own product (the first by position as its cover), not uploaded again while unchanged, uploaded
 * again when Plenty's file changes, and a file the shop cannot get is a rejected record of its own.
 */
@QuarkusTest
class ImageSyncTest extends CatalogTestBase {

    private static final Pattern ITEM_OF_NUMBER = Pattern.compile("[PA]-(\\d+)(-\\d+)?");

    @Test
    @SuppressWarnings("unchecked")
    void aFullSyncListsEveryProductWithItsCover() throws Exception {
        String tenant = syncedTenant();

        Map<Long, List<Map<String, Object>>> images = plentyImages();
        long total = images.values().stream().mapToLong(List::size).sum();
        assertEquals(total, SHOPWARE.stats().getLong("mediaUploads"), "every image of every item is uploaded once");
        assertEquals(total, PLENTY.stats().getLong("imageDownloads"), "and the shop fetched each file from Plenty's CDN");
        Object productFolder = SHOPWARE.entities("media_folder").stream().filter(f -> "Product Media".equals(f.get("name")))
                .findFirst().orElseThrow().get("id");
        assertTrue(SHOPWARE.entities("media").stream().allMatch(m -> productFolder.equals(m.get("mediaFolderId"))),
                "every image is in the shop's product media folder, whose thumbnails it gets");
        JsonPath storefront = SHOPWARE.storefront();
        assertTrue(storefront.getLong("listed") > 10);
        assertEquals(storefront.getLong("listed"), storefront.getLong("withCover"), "every listed product shows a cover");
        for (Map<String, Object> listed : storefront.getList("products", Map.class).stream().map(m -> (Map<String, Object>) m).toList()) {
            Map<String, Object> cover = (Map<String, Object>) listed.get("cover");
            Map<String, Object> first = images.get(itemOf(listed)).get(0);
            assertTrue(((String) cover.get("fileName")).contains("-" + first.get("id") + "-" + tenant.substring(0, 8) + ".png"),
                    "the cover of " + listed.get("productNumber") + " is its item's first image: " + cover);
            assertEquals(first.get("md5Checksum"), md5((String) cover.get("url")), "the shop holds the very file Plenty has");
        }
        for (Map<String, Object> product : SHOPWARE.products()) {
            if (product.get("parentId") == null) {
                List<Map<String, Object>> media = (List<Map<String, Object>>) product.get("media");
                assertEquals(images.get(itemOf(product)).size(), media.size(), "all of the item's images on " + product.get("productNumber"));
                assertEquals(media.get(0).get("id"), product.get("coverId"));
            } else {
                assertTrue(((List<?>) product.get("media")).isEmpty(), "a variant shows its parent's images");
            }
        }
    }

    @Test
    void aSecondFullSyncUploadsNothing() {
        String tenant = syncedTenant();
        long uploads = SHOPWARE.stats().getLong("mediaUploads");
        List<Map<String, Object>> before = SHOPWARE.products();

        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", again.getString("status"), again.prettify());
        assertTrue(uploads > 0);
        assertEquals(uploads, SHOPWARE.stats().getLong("mediaUploads"), "unchanged images are not uploaded again");
        assertEquals(uploads, SHOPWARE.uploads().size(), "nor even asked for");
        assertEquals(before, SHOPWARE.products(), "and the products keep their media and covers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangedImageIsUploadedAgain() throws Exception {
        String tenant = syncedTenant();
        long uploads = SHOPWARE.stats().getLong("mediaUploads");
        Map<String, Object> listed = (Map<String, Object>) SHOPWARE.storefront().getList("products", Map.class).get(0);
        String oldCover = md5((String) ((Map<String, Object>) listed.get("cover")).get("url"));

        List<Long> changed = PLENTY.changeImages(List.of(itemOf(listed)));
        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", again.getString("status"), again.prettify());
        assertEquals(uploads + changed.size(), SHOPWARE.stats().getLong("mediaUploads"), "only the changed images are uploaded");
        String newMd5 = (String) plentyImages().get(itemOf(listed)).get(0).get("md5Checksum");
        Map<String, Object> relisted = SHOPWARE.storefront().getList("products", Map.class).stream().map(m -> (Map<String, Object>) m)
                .filter(p -> p.get("id").equals(listed.get("id"))).findFirst().orElseThrow();
        String cover = md5((String) ((Map<String, Object>) relisted.get("cover")).get("url"));
        assertEquals(newMd5, cover, "the cover is Plenty's new file");
        assertTrue(!oldCover.equals(cover));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImageDeletedInPlentyLeavesTheShop() {
        String tenant = syncedTenant();
        assertEquals(0, CatalogApi.sync(tenant, "FULL_PRODUCT").getLong("counts.imagesUploaded"), "a second run uploads nothing");
        Map<Long, List<Map<String, Object>>> before = plentyImages();
        long several = before.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .filter(item -> listedItem(item) != null).findFirst().orElseThrow();
        long single = before.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey)
                .filter(item -> listedItem(item) != null).findFirst().orElseThrow();
        long media = SHOPWARE.stats().getLong("media");
        List<Long> deleted = PLENTY.deleteImages(List.of(several, single));

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(2, job.getLong("counts.imagesRemoved"), job.prettify());
        assertEquals(0, job.getLong("counts.imagesUploaded"), "the remaining images are unchanged");
        assertEquals(media - 2, SHOPWARE.stats().getLong("media"), "the two media are gone from the shop");
        Map<String, Object> withOthers = listedItem(several);
        assertTrue(((String) ((Map<String, Object>) withOthers.get("cover")).get("fileName")).contains("-" + (deleted.get(0) + 1) + "-"),
                "the next image is the cover: " + withOthers);
        Map<String, Object> product = SHOPWARE.products().stream().filter(p -> p.get("id").equals(withOthers.get("id"))).findFirst().orElseThrow();
        assertEquals(before.get(several).size() - 1, ((List<?>) product.get("media")).size(), "the deleted image is not shown");
        assertNull(listedItem(single).get("cover"), "an item without images has no cover left");

        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals(0, again.getLong("counts.imagesRemoved"), "removed once");
        assertEquals(0, again.getLong("counts.imagesUploaded"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listedItem(long item) {
        return SHOPWARE.storefront().getList("products", Map.class).stream().map(m -> (Map<String, Object>) m)
                .filter(p -> itemOf(p) == item).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrokenImageIsARejectedRecordOfItsOwnAndTheProductIsStillListed() {
        PlentyTruth truth = new PlentyTruth(PLENTY);
        List<Long> activeItems = truth.variations.stream()
                .filter(v -> Boolean.TRUE.equals(v.get("isMain")) && Boolean.TRUE.equals(v.get("isActive")))
                .map(v -> PlentyTruth.id(v.get("itemId"))).toList();
        long several = activeItems.stream().filter(id -> id % 3 != 0).findFirst().orElseThrow();
        long single = activeItems.stream().filter(id -> id % 3 == 0).findFirst().orElseThrow();
        long missing = PLENTY.breakImages(List.of(several), "missing").get(0);
        long notAnImage = PLENTY.breakImages(List.of(single), "not-an-image").get(0);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("partial", job.getString("status"), job.prettify());
        assertEquals(2, job.getLong("counts.rejected"), "two images, no variation");
        assertEquals(job.getLong("counts.read"), job.getLong("counts.written"), "every variation is written");
        Map<String, String> reasons = CatalogApi.rejected(job.getLong("runId")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("upstreamId"), r -> (String) r.get("reason")));
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get("image:" + missing).contains("CONTENT__MEDIA_CANNOT_OPEN_SOURCE_STREAM_TO_READ"), reasons.toString());
        assertTrue(reasons.get("image:" + missing).contains("item " + several), reasons.toString());
        assertTrue(reasons.get("image:" + notAnImage).contains("CONTENT__MEDIA_FILE_TYPE_NOT_SUPPORTED"), reasons.toString());
        Map<Long, Map<String, Object>> listedByItem = SHOPWARE.storefront().getList("products", Map.class).stream()
                .map(m -> (Map<String, Object>) m).collect(Collectors.toMap(ImageSyncTest::itemOf, p -> p, (a, b) -> a));
        Map<String, Object> withOthers = listedByItem.get(several);
        assertNotNull(withOthers, "the product whose first image is missing is listed");
        assertTrue(((String) ((Map<String, Object>) withOthers.get("cover")).get("fileName")).contains("-" + (missing + 1) + "-"),
                "with its next image as cover: " + withOthers);
        assertNotNull(listedByItem.get(single), "the product whose only image is broken is listed");
        assertNull(listedByItem.get(single).get("cover"), "without a cover");
    }

    private static String syncedTenant() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        return tenant;
    }

    /** Plenty's images by item, in position order, as its REST API lists them. */
    @SuppressWarnings("unchecked")
    private static Map<Long, List<Map<String, Object>>> plentyImages() {
        return PLENTY.all("/items", Map.of("with", "itemImages")).stream().collect(Collectors.toMap(item -> PlentyTruth.id(item.get("id")),
                item -> ((List<Map<String, Object>>) item.get("itemImages")).stream()
                        .sorted(java.util.Comparator.comparingInt(i -> ((Number) i.get("position")).intValue())).toList()));
    }

    private static long itemOf(Map<String, Object> product) {
        Matcher number = ITEM_OF_NUMBER.matcher((String) product.get("productNumber"));
        assertTrue(number.matches(), "a product number of the sandbox's catalog: " + product.get("productNumber"));
        return Long.parseLong(number.group(1));
    }

    private static String md5(String url) throws Exception {
        byte[] bytes = given().get(url).then().statusCode(200).extract().asByteArray();
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
