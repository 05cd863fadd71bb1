-- Where a tenant's catalog goes in its shop and which Plenty VAT configuration applies.
-- Null is the default: the standard VAT configuration, every storefront sales channel, and the
-- first channel's navigation category as the root of Plenty's category tree.
alter table tenant add column vat_location_id integer;
alter table tenant add column vat_country_id integer;
alter table tenant add column sales_channel_ids text[];
alter table tenant add column root_category_id text;

-- Plenty's position of a category among its siblings; written to Shopware as the sibling order.
alter table plenty_category add column position integer not null default 0;
