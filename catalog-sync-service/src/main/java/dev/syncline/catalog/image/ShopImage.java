package dev.syncline.catalog.image;

/** An image a product can show: its media in the shop and its place among the item's images. */
public record ShopImage(long imageId, String mediaId, int position) {
}
