package dev.syncline.sandbox.plenty;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The images of a catalog's items. Every item has one to three, derived from its id (image id
 * {@code itemId * 10 + n}, position n), or as many as the reset asked for (0 to 9), so a catalog of any size costs nothing until an image
 * changes: only changed and broken images are remembered. The bytes are a small PNG whose colour
 * follows the image id and its version, so {@code md5Checksum} is the real checksum of what the
 * CDN serves and changes when the image does.
 */
final class PlentyImages {

    /** The CDN answers 404 for the image. */
    static final String MISSING = "missing";
    /** The CDN answers 200 with an HTML page instead of the image. */
    static final String NOT_AN_IMAGE = "not-an-image";

    record Image(long id, long itemId, int position, int version, OffsetDateTime lastUpdate, String broken) {

        byte[] bytes() {
            return png(id, version);
        }
    }

    private final Map<Long, Integer> versions = new HashMap<>();
    private final Map<Long, OffsetDateTime> updates = new HashMap<>();
    private final Map<Long, String> broken = new HashMap<>();
    private final java.util.Set<Long> deleted = new java.util.HashSet<>();
    private final OffsetDateTime created;
    /** Images per item, or null for one to three by item id. */
    private final Integer perItem;

    PlentyImages(OffsetDateTime created, Integer perItem) {
        this.created = created;
        this.perItem = perItem;
    }

    int countOf(long itemId) {
        return perItem != null ? perItem : 1 + (int) (itemId % 3);
    }

    List<Image> of(long itemId) {
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < countOf(itemId); n++) {
            if (!deleted.contains(itemId * 10 + n)) {
                images.add(image(itemId * 10 + n));
            }
        }
        return images;
    }

    Image image(long id) {
        return new Image(id, id / 10, (int) (id % 10), versions.getOrDefault(id, 0), updates.getOrDefault(id, created),
                broken.get(id));
    }

    /** Every image of these items replaced by a new one (new bytes, new checksum); the image ids. */
    List<Long> change(List<Long> itemIds, OffsetDateTime now) {
        List<Long> changed = new ArrayList<>();
        for (long itemId : itemIds) {
            for (Image image : of(itemId)) {
                versions.merge(image.id(), 1, Integer::sum);
                updates.put(image.id(), now);
                changed.add(image.id());
            }
        }
        return changed;
    }

    /** The first image each item still has deleted (its file gone from the CDN too); the image ids. */
    List<Long> deleteFirst(List<Long> itemIds) {
        List<Long> ids = new ArrayList<>();
        for (long itemId : itemIds) {
            of(itemId).stream().findFirst().ifPresent(image -> {
                deleted.add(image.id());
                ids.add(image.id());
            });
        }
        return ids;
    }

    /** The first image of each item broken at the CDN; the image ids. */
    List<Long> breakFirst(List<Long> itemIds, String kind) {
        if (!MISSING.equals(kind) && !NOT_AN_IMAGE.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + MISSING + " or " + NOT_AN_IMAGE);
        }
        List<Long> ids = new ArrayList<>();
        itemIds.forEach(itemId -> {
            broken.put(itemId * 10, kind);
            ids.add(itemId * 10);
        });
        return ids;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 4×4 PNG of one colour: signature, IHDR, IDAT (one filter byte and 4 RGB pixels per row), IEND. */
    static byte[] png(long imageId, int version) {
        int rgb = Long.hashCode(imageId * 31 + version * 7919L) & 0xffffff;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < 4; y++) {
            raw.write(0);
            for (int x = 0; x < 4; x++) {
                raw.write(rgb >> 16);
                raw.write(rgb >> 8);
                raw.write(rgb);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        byte[] buffer = new byte[256];
        int length = deflater.deflate(buffer);
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(4).putInt(4).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0).array());
        chunk(png, "IDAT", java.util.Arrays.copyOf(buffer, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
