-- A category's names in the tenant's translation languages (the tenant's own language is in
-- plenty_category.name), replaced with the rest of the config cache.
create table plenty_category_name (
    tenant_id   uuid not null references tenant (id) on delete cascade,
    category_id bigint not null,
    lang        text not null,
    name        text not null,
    primary key (tenant_id, category_id, lang)
);
