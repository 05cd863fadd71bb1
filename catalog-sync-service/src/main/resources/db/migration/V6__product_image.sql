-- The Plenty item images a tenant's shop holds: the media each became and the checksum and date of
-- the file uploaded to it. A run uploads an image only when it is new here or Plenty's md5Checksum
-- (or, without one, its lastUpdate) changed; the row is written in the transaction of the batch
-- whose products show the image, so an upload is recorded with them or, after a crash, made again
-- (to the same media, under the same file name). Rows are per shop URL: a tenant moved to another
-- shop uploads its images there.
create table product_image (
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    shop_url     text        not null,
    image_id     bigint      not null,
    item_id      bigint      not null,
    media_id     text        not null,
    md5_checksum text,
    last_update  text,
    uploaded_at  timestamptz not null default now(),
    primary key (tenant_id, shop_url, image_id)
);
