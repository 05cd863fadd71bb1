package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.catalog.CatalogConfig;
import dev.syncline.catalog.config.ConfigCache;
import dev.syncline.catalog.config.ConfigCacheStore;
import dev.syncline.catalog.image.ImageBatch;
import dev.syncline.catalog.image.ImageUploader;
import dev.syncline.catalog.image.UploadedImageStore;
import dev.syncline.catalog.plenty.PlentyClient;
import dev.syncline.catalog.plenty.PlentyClient.Resource;
import dev.syncline.catalog.plenty.PlentyRecords.Item;
import dev.syncline.catalog.plenty.PlentyRecords.Variation;
import dev.syncline.catalog.shopware.ShopwareClients;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.rejected.Rejection;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.RunCounts;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * PRODUCT_DELTA and FULL_PRODUCT runs. A delta reads the variations changed in
 * [last window end - overlap, Plenty's now], the variations of items changed in that window, and the
 * variations still pending from earlier runs; a full run reads every variation. Pages are read ahead
 * (with their items) while the previous one is written; each page becomes one Shopware request and
 * one transaction holding the run's counts, its rejected variations and the pending list, and the
 * page that ends the window also moves the window. A full run that reads fewer variations than Plenty
 * announced fails instead of stopping quietly; a complete one deactivates the products of variations
 * Plenty no longer has ({@link RetiredProducts}). Before a page's products are written, the images
 * they show are in the shop ({@link ImageUploader}); a refused image is a rejected record of its own.
 */
@ApplicationScoped
public class ProductSyncJob {

    static final String VARIATION_RELATIONS = "variationSalesPrices,variationCategories,variationAttributeValues,"
            + "variationBarcodes,stock,unit";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ConfigCacheStore configs;
    private final SyncStateStore states;
    private final PendingVariationStore pending;
    private final ProductWriter writer;
    private final ShopwareClients shopware;
    private final ShopSetup setup;
    private final CatalogConfig config;
    private final ObjectMapper mapper;
    private final RetiredProducts retired;
    private final ImageUploader uploader;
    private final UploadedImageStore uploadedImages;

    public ProductSyncJob(ConfigCacheStore configs, SyncStateStore states, PendingVariationStore pending, ProductWriter writer,
                          ShopwareClients shopware, ShopSetup setup, CatalogConfig config, ObjectMapper mapper,
                          RetiredProducts retired, ImageUploader uploader, UploadedImageStore uploadedImages) {
        this.retired = retired;
        this.uploader = uploader;
        this.uploadedImages = uploadedImages;
        this.setup = setup;
        this.configs = configs;
        this.states = states;
        this.pending = pending;
        this.writer = writer;
        this.shopware = shopware;
        this.config = config;
        this.mapper = mapper;
    }

    /** What a product run did: variations read, written and rejected, and the Shopware products sent. */
    public record Outcome(long read, long written, long rejected, long products) {
    }

    /** One page to write: its variations with their items. */
    private record Batch(List<Variation> variations, Map<Long, Item> items) {
    }

    private static final class Progress {
        long read;
        long written;
        long rejected;
        long products;
        Long announced;
    }

    public Uni<Outcome> run(ActiveRun run, Tenant tenant, boolean full, PlentyClient plenty) {
        Progress progress = new Progress();
        return configs.load(tenant.id())
                .map(found -> found.orElseThrow(() -> new ConfigCacheMissing(tenant)))
                .chain(cache -> shop(run, tenant, cache).chain(shop -> plenty.serverNow().chain(windowEnd -> windowStart(tenant, full)
                        .chain(start -> {
                            Log.infof("%s of tenant %s: variations %s", full ? "Full product sync" : "Product delta", tenant.id(),
                                    start == null ? "all" : "changed between " + start + " and " + windowEnd);
                            ProductTransformer transformer = new ProductTransformer(tenant.id(), tenant.language(), cache, shop, mapper);
                            return writeAll(run, tenant, batches(plenty, tenant, start, windowEnd, full, progress), transformer,
                                    windowEnd, progress);
                        }))))
                .invoke(() -> checkComplete(full, progress))
                .call(() -> full ? retired.retire(run, tenant).replaceWithVoid() : Uni.createFrom().voidItem())
                .map(ignored -> new Outcome(progress.read, progress.written, progress.rejected, progress.products));
    }

    /** The shop as the run writes to it: read and prepared (taxes, property groups, categories), or the mock shop. */
    private Uni<ShopContext> shop(ActiveRun run, Tenant tenant, ConfigCache cache) {
        if (tenant.mockShopware()) {
            return Uni.createFrom().item(ShopContext.mock(tenant.id(), cache.vatRates().values(), ShopSetup.isoCodes(cache)));
        }
        return setup.prepare(tenant, cache, shopware.of(tenant))
                .call(shop -> shop.taxesCreated() == 0 ? Uni.createFrom().voidItem()
                        : run.inTransaction(tx -> run.count(tx, "taxesCreated", shop.taxesCreated())));
    }

    private Uni<OffsetDateTime> windowStart(Tenant tenant, boolean full) {
        return full ? Uni.createFrom().nullItem()
                : states.lastWindowEnd(tenant.id()).map(end -> end.map(e -> e.minus(config.deltaOverlap())).orElse(null));
    }

    /**
     * The window's pages, each with its items, read ahead of the writer. The writer holds one page
     * back, so that the last one can carry the window's move in its transaction.
     */
    private Uni<Void> writeAll(ActiveRun run, Tenant tenant, Multi<Batch> batches, ProductTransformer transformer,
                               OffsetDateTime windowEnd, Progress progress) {
        Batch[] held = {null};
        return batches
                .emitOn(Infrastructure.getDefaultWorkerPool(), Math.max(1, config.prefetchPages()))
                .onItem().transformToUniAndConcatenate(batch -> {
                    Batch previous = held[0];
                    held[0] = batch;
                    return previous == null ? Uni.createFrom().voidItem()
                            : write(run, tenant, previous, transformer, null, progress);
                })
                .collect().last()
                .chain(() -> write(run, tenant, held[0] == null ? new Batch(List.of(), Map.of()) : held[0], transformer,
                        windowEnd, progress));
    }

    private Multi<Batch> batches(PlentyClient plenty, Tenant tenant, OffsetDateTime start, OffsetDateTime end, boolean full,
                                 Progress progress) {
        int perPage = config.itemsPerPage();
        Map<String, String> relations = Map.of("with", VARIATION_RELATIONS, "lang", tenant.language());
        Multi<List<Variation>> pages;
        if (full || start == null) {
            pages = variationPages(plenty, relations, perPage, progress);
        } else {
            Map<String, String> window = with(relations, "updatedBetween", W3C.format(start) + "," + W3C.format(end));
            Multi<List<Variation>> changedItems = plenty.pages(Resource.ITEMS, Map.of("updatedBetween",
                            W3C.format(start) + "," + W3C.format(end)), perPage)
                    .map(page -> plenty.convert(page.entries(), Item.class).stream().map(Item::id).toList())
                    .filter(ids -> !ids.isEmpty())
                    .onItem().transformToMultiAndConcatenate(ids -> variationPages(plenty, with(relations, "itemId", join(ids)), perPage, null));
            Multi<List<Variation>> stillPending = pending.ids(tenant.id()).toMulti()
                    .onItem().transformToMultiAndConcatenate(ids -> Multi.createFrom().iterable(chunks(ids, perPage)))
                    .onItem().transformToMultiAndConcatenate(ids -> variationPages(plenty, with(relations, "id", join(ids)), perPage, null));
            pages = Multi.createBy().concatenating().streams(variationPages(plenty, window, perPage, null), changedItems, stillPending);
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        return pages
                .map(page -> page.stream().filter(v -> seen.add(v.id())).toList())
                .filter(page -> !page.isEmpty())
                .onItem().transformToUniAndConcatenate(page -> items(plenty, tenant, page).map(items -> new Batch(page, items)));
    }

    private Multi<List<Variation>> variationPages(PlentyClient plenty, Map<String, String> query, int perPage, Progress progress) {
        return plenty.pages(Resource.VARIATIONS, query, perPage)
                .invoke(page -> {
                    if (progress != null && progress.announced == null) {
                        progress.announced = page.totalsCount();
                    }
                })
                .map(page -> plenty.convert(page.entries(), Variation.class));
    }

    /** The page's items; for a real shop with their images, which come with the items at no extra request. */
    private Uni<Map<Long, Item>> items(PlentyClient plenty, Tenant tenant, List<Variation> page) {
        List<Long> ids = page.stream().map(Variation::itemId).distinct().toList();
        Map<String, String> query = new LinkedHashMap<>(Map.of("id", join(ids)));
        // Without lang Plenty answers the texts in every language, which translations need.
        if (tenant.translationLanguages() == null) {
            query.put("lang", tenant.language());
        }
        if (!tenant.mockShopware()) {
            query.put("with", "itemImages");
        }
        return plenty.page(Resource.ITEMS, query, 1, Math.max(ids.size(), 1))
                .map(answer -> plenty.convert(answer.entries(), Item.class).stream()
                        .collect(Collectors.toMap(Item::id, item -> item, (a, b) -> a, LinkedHashMap::new)));
    }

    private Uni<Void> write(ActiveRun run, Tenant tenant, Batch batch, ProductTransformer transformer, OffsetDateTime windowEnd,
                            Progress progress) {
        return images(tenant, batch, transformer.mediaFolderId())
                .chain(images -> write(run, tenant, batch, images, transformer, windowEnd, progress));
    }

    /**
     * The images of the items whose parent or own product the batch writes, in the shop before the
     * products that show them; the mock shop keeps no images.
     */
    private Uni<ImageBatch> images(Tenant tenant, Batch batch, String mediaFolderId) {
        if (tenant.mockShopware()) {
            return Uni.createFrom().item(ImageBatch.NONE);
        }
        List<Item> showing = batch.variations().stream()
                .filter(v -> v.isMain() || v.variationAttributeValues().isEmpty())
                .map(v -> batch.items().get(v.itemId())).filter(item -> item != null).distinct().toList();
        return uploader.prepare(tenant, shopware.of(tenant), showing, mediaFolderId);
    }

    private Uni<Void> write(ActiveRun run, Tenant tenant, Batch batch, ImageBatch images, ProductTransformer transformer,
                            OffsetDateTime windowEnd, Progress progress) {
        Map<String, ShopwareProduct> products = new LinkedHashMap<>();
        Map<Long, String> refused = new HashMap<>();
        for (Variation variation : batch.variations()) {
            ProductTransformer.Transformed transformed = transformer.transform(variation, batch.items().get(variation.itemId()),
                    images.of(variation.itemId()));
            if (transformed.rejection() != null) {
                refused.put(variation.id(), transformed.rejection());
            }
            for (ShopwareProduct product : transformed.products()) {
                if (tenant.mockShopware() && product.productNumber() == null) {
                    continue; // a parent's variant choices: the mock shop keeps products, not their settings
                }
                products.merge(product.id(), product, ShopwareProduct::merge);
            }
        }
        List<ShopwareProduct> toWrite = new ArrayList<>(products.values());
        // Parents first: Shopware checks a variant's parent when it reaches the variant.
        toWrite.sort(Comparator.comparing(product -> product.parentId() != null));
        Uni<Map<Long, String>> sent = tenant.mockShopware() || toWrite.isEmpty() ? Uni.createFrom().item(Map.of())
                : writer.toShopware(shopware.of(tenant), toWrite).chain(refusedProducts -> new ProductTranslations(transformer.shop(), mapper)
                        .write(shopware.of(tenant), toWrite.stream().filter(p -> p.variationIds().stream().noneMatch(refusedProducts::containsKey))
                                .toList(), batch.variations(), batch.items())
                        .map(refusedTexts -> {
                            Map<Long, String> all = new HashMap<>(refusedProducts);
                            refusedTexts.forEach(all::putIfAbsent);
                            return all;
                        }));
        return sent.chain(refusedByShop -> {
            refusedByShop.forEach((variation, reason) -> refused.putIfAbsent(variation,
                    "Variation " + variation + " was refused by Shopware: " + reason));
            Set<Long> written = batch.variations().stream().map(Variation::id).filter(id -> !refused.containsKey(id))
                    .collect(Collectors.toSet());
            long productsWritten = toWrite.stream().filter(p -> p.productNumber() != null)
                    .filter(p -> p.variationIds().stream().anyMatch(written::contains)).count();
            List<Rejection> rejections = new ArrayList<>(refused.entrySet().stream()
                    .map(e -> new Rejection(Long.toString(e.getKey()), e.getValue())).toList());
            rejections.addAll(images.rejections());
            return run.inTransaction(tx -> (tenant.mockShopware() ? writer.toMock(tx, tenant.id(), toWrite) : Uni.createFrom().voidItem())
                            .call(() -> pending.settle(tx, tenant.id(), refused, written))
                            .call(() -> retired.seen(tx, tenant.id(), run.id(),
                                    batch.variations().stream().map(v -> new long[] {v.id(), v.itemId()}).toList()))
                            .call(() -> uploadedImages.record(tx, tenant.id(), tenant.shopwareUrl(), images.uploaded()))
                            .call(() -> uploadedImages.forget(tx, tenant.id(), tenant.shopwareUrl(), images.removed()))
                            .call(() -> run.reject(tx, rejections))
                            .call(() -> run.count(tx, new RunCounts(batch.variations().size(), 0, written.size(), 0, rejections.size())))
                            .call(() -> run.count(tx, "products", productsWritten))
                            .call(() -> images.uploaded().isEmpty() ? Uni.createFrom().voidItem()
                                    : run.count(tx, "imagesUploaded", images.uploaded().size()))
                            .call(() -> images.removed().isEmpty() ? Uni.createFrom().voidItem()
                                    : run.count(tx, "imagesRemoved", images.removed().size()))
                            .call(() -> progress.announced != null && progress.read == 0 ? run.total(tx, progress.announced)
                                    : Uni.createFrom().voidItem())
                            .call(() -> windowEnd == null ? Uni.createFrom().voidItem() : states.advance(tx, tenant.id(), windowEnd)))
                    .invoke(() -> {
                        progress.read += batch.variations().size();
                        progress.written += written.size();
                        progress.rejected += rejections.size();
                        progress.products += productsWritten;
                    })
                    .replaceWithVoid();
        });
    }

    /** A full run must have read every variation Plenty announced; fewer means a page went missing. */
    private static void checkComplete(boolean full, Progress progress) {
        if (full && progress.announced != null && progress.read < progress.announced) {
            throw new IncompleteRead(progress.read, progress.announced);
        }
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(key, value);
        return more;
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<List<Long>> chunks(List<Long> ids, int size) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return chunks;
    }

    /** A product run for a tenant whose config was never cached. */
    public static final class ConfigCacheMissing extends RuntimeException {
        ConfigCacheMissing(Tenant tenant) {
            super("Tenant " + tenant.id() + " has no config cache yet: run a CONFIG sync first");
        }
    }

    /** A full run that read fewer variations than Plenty announced. */
    static final class IncompleteRead extends RuntimeException {
        IncompleteRead(long read, long announced) {
            super("The full product sync read " + read + " of the " + announced + " variations Plenty announced; it is run again");
        }
    }
}
