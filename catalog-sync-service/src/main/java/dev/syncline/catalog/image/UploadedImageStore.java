package dev.syncline.catalog.image;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The images a tenant's shop holds ({@code product_image}), so an unchanged one is not uploaded again. */
@ApplicationScoped
public class UploadedImageStore {

    private final Pool pool;

    public UploadedImageStore(Pool pool) {
        this.pool = pool;
    }

    /** What the shop holds of these items' images, by image id: also the ones Plenty no longer lists. */
    public Uni<Map<Long, UploadedImage>> ofItems(UUID tenant, String shopUrl, Collection<Long> itemIds) {
        return pool.preparedQuery("""
                        select image_id, item_id, media_id, md5_checksum, last_update from product_image
                        where tenant_id = $1 and shop_url = $2 and item_id = any($3)""")
                .execute(Tuple.of(tenant, shopUrl, itemIds.toArray(new Long[0])))
                .map(rows -> {
                    Map<Long, UploadedImage> known = new HashMap<>();
                    rows.forEach(row -> known.put(row.getLong("image_id"), new UploadedImage(row.getLong("image_id"),
                            row.getLong("item_id"), row.getString("media_id"), row.getString("md5_checksum"),
                            row.getString("last_update"))));
                    return known;
                });
    }

    /** In a batch's transaction: images whose media the shop no longer has. */
    public Uni<Void> forget(SqlClient tx, UUID tenant, String shopUrl, List<Long> imageIds) {
        if (imageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("delete from product_image where tenant_id = $1 and shop_url = $2 and image_id = any($3)")
                .execute(Tuple.of(tenant, shopUrl, imageIds.toArray(new Long[0])))
                .replaceWithVoid();
    }

    /** In a batch's transaction: the files uploaded for it. */
    public Uni<Void> record(SqlClient tx, UUID tenant, String shopUrl, List<UploadedImage> uploaded) {
        if (uploaded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into product_image (tenant_id, shop_url, image_id, item_id, media_id, md5_checksum, last_update)
                        select $1, $2, t.image, t.item, t.media, t.md5, t.updated
                        from unnest($3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[]) as t(image, item, media, md5, updated)
                        on conflict (tenant_id, shop_url, image_id) do update set item_id = excluded.item_id,
                               media_id = excluded.media_id, md5_checksum = excluded.md5_checksum,
                               last_update = excluded.last_update, uploaded_at = now()""")
                .execute(Tuple.from(new Object[] {tenant, shopUrl,
                        uploaded.stream().map(UploadedImage::imageId).toArray(Long[]::new),
                        uploaded.stream().map(UploadedImage::itemId).toArray(Long[]::new),
                        uploaded.stream().map(UploadedImage::mediaId).toArray(String[]::new),
                        uploaded.stream().map(UploadedImage::md5Checksum).toArray(String[]::new),
                        uploaded.stream().map(UploadedImage::lastUpdate).toArray(String[]::new)}))
                .replaceWithVoid();
    }
}
