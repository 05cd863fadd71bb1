package dev.syncline.catalog.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.CatalogConfig;
import dev.syncline.catalog.plenty.PlentyRecords.Item;
import dev.syncline.catalog.plenty.PlentyRecords.Item.Image;
import dev.syncline.catalog.product.ShopwareIds;
import dev.syncline.catalog.shopware.ShopwareClient;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.rejected.Rejection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plenty item images into the tenant's shop, before the products that show them are written: each
 * image is a media entity with an id derived from the tenant and Plenty's image id, created with a
 * sync request in the shop's product media folder, and its file is uploaded by URL (Shopware downloads it from Plenty's CDN), a few at
 * once. An image whose file the shop already holds (same image id, same md5Checksum) is not
 * uploaded again; one Plenty no longer lists for its item has its media deleted from the shop. A refused image (a file Plenty's CDN does not serve, a file name taken in the
 * shop) is a rejected record of its own; the products are written without it.
 */
@ApplicationScoped
public class ImageUploader {

    private final UploadedImageStore store;
    private final CatalogConfig config;
    private final ObjectMapper mapper;

    public ImageUploader(UploadedImageStore store, CatalogConfig config, ObjectMapper mapper) {
        this.store = store;
        this.config = config;
        this.mapper = mapper;
    }

    private record Outcome(Image image, String refusal) {
    }

    /** The images of these items in the shop, uploading what is new or changed and removing what Plenty deleted. */
    public Uni<ImageBatch> prepare(Tenant tenant, ShopwareClient shop, Collection<Item> items, String mediaFolderId) {
        Map<Long, Image> wanted = new LinkedHashMap<>();
        items.forEach(item -> item.itemImages().forEach(image -> wanted.putIfAbsent(image.id(), image)));
        if (items.isEmpty()) {
            return Uni.createFrom().item(ImageBatch.NONE);
        }
        return store.ofItems(tenant.id(), tenant.shopwareUrl(), items.stream().map(Item::id).toList())
                .chain(known -> {
                    List<Image> toUpload = wanted.values().stream()
                            .filter(image -> known.get(image.id()) == null
                                    || !known.get(image.id()).sameFileAs(image.md5Checksum(), image.lastUpdate()))
                            .toList();
                    List<UploadedImage> deleted = known.values().stream().filter(held -> !wanted.containsKey(held.imageId())).toList();
                    return remove(shop, deleted)
                            .chain(removal -> createMedia(tenant, shop, toUpload, mediaFolderId)
                                    .chain(refused -> upload(tenant, shop, toUpload, refused))
                                    .map(outcomes -> batch(tenant, wanted.values(), outcomes, removal)));
                });
    }

    /** What removing the media of deleted images came to: the images removed, and a rejected record per refusal. */
    private record Removal(List<Long> removed, List<Rejection> rejections) {
    }

    /**
     * The media of images Plenty no longer lists for their item, deleted in one sync request; the
     * shop's product media links to them go with them. A refusal is a rejected record, and the
     * image stays known, so the next run that writes the item tries again.
     */
    private Uni<Removal> remove(ShopwareClient shop, List<UploadedImage> deleted) {
        if (deleted.isEmpty()) {
            return Uni.createFrom().item(new Removal(List.of(), List.of()));
        }
        return shop.delete("media", deleted.stream().map(UploadedImage::mediaId).toList()).map(errors -> {
            List<Long> removed = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < deleted.size(); i++) {
                UploadedImage image = deleted.get(i);
                if (errors.containsKey(i)) {
                    rejections.add(new Rejection("image:" + image.imageId(), "Image " + image.imageId() + " of item " + image.itemId()
                            + " was deleted in Plenty, but Shopware refused to delete its media " + image.mediaId() + ": "
                            + errors.get(i) + "; tried again at the next run that writes the item"));
                } else {
                    removed.add(image.imageId());
                }
            }
            return new Removal(removed, rejections);
        });
    }

    /** The media entities of the images to upload, in one sync request; the images Shopware refused, with its reasons. */
    private Uni<Map<Long, String>> createMedia(Tenant tenant, ShopwareClient shop, List<Image> images, String mediaFolderId) {
        List<Image> uploadable = images.stream().filter(image -> image.url() != null && !image.url().isBlank()).toList();
        if (uploadable.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ObjectNode> records = uploadable.stream().map(image -> media(tenant, image, mediaFolderId)).toList();
        return shop.upsert("media", records).map(errors -> {
            Map<Long, String> refused = new HashMap<>();
            errors.forEach((index, reason) -> refused.put(uploadable.get(index).id(), reason));
            return refused;
        });
    }

    private ObjectNode media(Tenant tenant, Image image, String mediaFolderId) {
        ObjectNode media = mapper.createObjectNode().put("id", mediaId(tenant, image));
        if (mediaFolderId != null) {
            media.put("mediaFolderId", mediaFolderId);
        }
        Item.ImageName name = image.name(tenant.language());
        if (name != null && name.alternate() != null && !name.alternate().isBlank()) {
            media.put("alt", name.alternate());
        }
        if (name != null && name.name() != null && !name.name().isBlank()) {
            media.put("title", name.name());
        }
        return media;
    }

    private Uni<List<Outcome>> upload(Tenant tenant, ShopwareClient shop, List<Image> images, Map<Long, String> refused) {
        if (images.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(images)
                .onItem().transformToUni(image -> {
                    if (image.url() == null || image.url().isBlank()) {
                        return Uni.createFrom().item(new Outcome(image, "Plenty names no url for it"));
                    }
                    if (refused.containsKey(image.id())) {
                        return Uni.createFrom().item(new Outcome(image, "its media entity was refused: " + refused.get(image.id())));
                    }
                    return shop.uploadFromUrl(mediaId(tenant, image), extension(image), fileName(tenant, image), image.url())
                            .map(refusal -> new Outcome(image, refusal == null ? null : "Shopware refused the upload: " + refusal));
                })
                .merge(Math.max(1, config.imageUploads()))
                .collect().asList();
    }

    /** Every image the shop now holds, by item and position; the uploads to record; the refusals as rejected records. */
    private ImageBatch batch(Tenant tenant, Collection<Image> wanted, List<Outcome> outcomes, Removal removal) {
        Map<Long, String> refusals = new HashMap<>();
        List<UploadedImage> uploaded = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(removal.rejections());
        for (Outcome outcome : outcomes) {
            Image image = outcome.image();
            if (outcome.refusal() == null) {
                uploaded.add(new UploadedImage(image.id(), image.itemId(), mediaId(tenant, image), image.md5Checksum(), image.lastUpdate()));
            } else {
                refusals.put(image.id(), outcome.refusal());
                rejections.add(new Rejection("image:" + image.id(), "Image " + image.id() + " of item " + image.itemId() + " ("
                        + image.url() + ") is not in the shop: " + outcome.refusal() + "; the item's products are written without it"));
            }
        }
        Map<Long, List<ShopImage>> byItem = new LinkedHashMap<>();
        for (Image image : wanted) {
            if (!refusals.containsKey(image.id())) {
                byItem.computeIfAbsent(image.itemId(), id -> new ArrayList<>())
                        .add(new ShopImage(image.id(), mediaId(tenant, image), image.position() == null ? 0 : image.position()));
            }
        }
        byItem.values().forEach(images -> images.sort(Comparator.comparingInt(ShopImage::position).thenComparingLong(ShopImage::imageId)));
        return new ImageBatch(byItem, uploaded, rejections, removal.removed());
    }

    static String mediaId(Tenant tenant, Image image) {
        return ShopwareIds.of(tenant.id(), "image", image.id());
    }

    /** Plenty's file type (jpg, png…), else the URL's ending. */
    static String extension(Image image) {
        String type = image.fileType();
        if (type == null || type.isBlank()) {
            String path = image.url().replaceAll("[?#].*$", "");
            type = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "jpg";
        }
        return type.toLowerCase(Locale.ROOT);
    }

    /**
     * A file name no other image of any tenant takes in the shop (Shopware refuses a name and
     * extension another media has): Plenty's clean name, the image id and the tenant's first id digits.
     */
    static String fileName(Tenant tenant, Image image) {
        String clean = image.cleanImageName() == null ? "" : image.cleanImageName().replaceAll("\\.[A-Za-z0-9]+$", "");
        String slug = clean.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-$", "");
        }
        String suffix = image.id() + "-" + tenant.id().toString().substring(0, 8);
        return slug.isEmpty() ? "plenty-" + suffix : slug + "-" + suffix;
    }
}
