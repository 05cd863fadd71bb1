-- What a full sync does with the products of variations Plenty no longer has: 'deactivate' (the
-- default: kept in the shop, not sold) or 'delete' (removed from the shop with their variants).
alter table tenant add column retired_products text not null default 'deactivate'
    check (retired_products in ('deactivate', 'delete'));
