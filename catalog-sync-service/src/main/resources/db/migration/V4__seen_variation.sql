-- Every Plenty variation a product run read, with the last run that read it. A full run reads
-- every variation Plenty has, so one it did not read was deleted in Plenty: its product (and the
-- parent of an item left without variations) is deactivated in the shop and the row retired.
create table seen_variation (
    tenant_id    uuid    not null references tenant (id) on delete cascade,
    variation_id bigint  not null,
    item_id      bigint  not null,
    last_run_id  bigint  not null,
    retired      boolean not null default false,
    primary key (tenant_id, variation_id)
);
create index seen_variation_item on seen_variation (tenant_id, item_id);
