-- A trader is matched by AFM with "the lowest id of that AFM"; an index on (afm, id) answers that
-- with one probe. With the AFM-only index PostgreSQL may walk the primary key instead (it does while
-- a first sync fills an empty table inside one transaction), which made that sync quadratic.
drop index erp_customer_afm;
drop index erp_supplier_afm_idx;
create index erp_customer_afm_id on erp_customer (afm, id) where afm is not null;
create index erp_supplier_afm_id on erp_supplier (afm, id) where afm is not null;
