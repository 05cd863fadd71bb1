-- The Plenty languages whose item names and descriptions are also written to the shop, each to
-- the shop languages of that language (by locale code). Null: the tenant's language only.
alter table tenant add column translation_languages text[];
