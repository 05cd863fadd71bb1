package dev.syncline.catalog.image;

/** A Plenty image whose file the shop holds: the media it is, and the checksum and date of that file. */
public record UploadedImage(long imageId, long itemId, String mediaId, String md5Checksum, String lastUpdate) {

    /** Whether Plenty's image is still this file: the same checksum, or without one the same date. */
    boolean sameFileAs(String md5, String updated) {
        if (md5 != null || md5Checksum != null) {
            return md5 != null && md5.equals(md5Checksum);
        }
        return updated != null && updated.equals(lastUpdate);
    }
}
