package dev.syncline.catalog.image;

import dev.syncline.commons.rejected.Rejection;

import java.util.List;
import java.util.Map;

/**
 * The images of a batch's items: those the shop holds (by item, in Plenty's order), the ones
 * uploaded now (recorded in the batch's transaction), the ones refused, each a rejected record,
 * and the ids of images Plenty deleted whose media were removed from the shop now (forgotten in
 * the batch's transaction).
 */
public record ImageBatch(Map<Long, List<ShopImage>> byItem, List<UploadedImage> uploaded, List<Rejection> rejections,
                         List<Long> removed) {

    public static final ImageBatch NONE = new ImageBatch(Map.of(), List.of(), List.of(), List.of());

    public List<ShopImage> of(long itemId) {
        return byItem.getOrDefault(itemId, List.of());
    }
}
