-- A price list is told by its Plenty type (default: selling prices, rrp: the list price), not by
-- whether Plenty's back end displays it by default; its currency may be "-1", every currency.
alter table plenty_sales_price add column type text not null default 'default';
alter table plenty_sales_price alter column currency type text;
alter table plenty_sales_price drop column is_default;
-- Cached VAT rates were keyed by the ids of the old reading; a variation's vatId names a rate of
-- the standard VAT configuration (0 to 3). Until the next CONFIG run, variations say so and wait.
delete from plenty_vat;
