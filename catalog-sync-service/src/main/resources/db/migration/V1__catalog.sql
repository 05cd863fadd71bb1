-- Tenants: one Plentymarkets system and one Shopware shop (or the mock shop) each. Passwords and
-- secrets are stored encrypted (AES-256-GCM; "<key id>.<iv>.<ciphertext>", base64).
create table tenant (
    id                     uuid primary key,
    name                   text        not null,
    plenty_url             text        not null,
    plenty_username        text        not null,
    plenty_password        text        not null,
    shopware_mode          text        not null check (shopware_mode in ('api', 'mock')),
    shopware_url           text,
    shopware_client_id     text,
    shopware_client_secret text,
    language               text        not null default 'de',
    active                 boolean     not null default true,
    config_schedule        text,
    product_schedule       text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

-- The job queue and its history. At most one queued-or-running job per tenant and type; a
-- schedule's fire enqueues once whatever the number of replicas (schedule_fire).
create table sync_job (
    id            bigserial primary key,
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    type          text        not null check (type in ('CONFIG', 'PRODUCT_DELTA', 'FULL_PRODUCT')),
    status        text        not null check (status in ('queued', 'running', 'succeeded', 'partial', 'dead')),
    trigger       text        not null check (trigger in ('api', 'schedule', 'cron')),
    attempts      integer     not null default 0,
    max_attempts  integer     not null,
    run_after     timestamptz not null default now(),
    claimed_by    text,
    heartbeat_at  timestamptz,
    last_run_id   bigint,
    error_message text,
    schedule_fire text unique,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

create unique index sync_job_one_active on sync_job (tenant_id, type) where status in ('queued', 'running');
create index sync_job_due on sync_job (run_after, id) where status = 'queued';
create index sync_job_of_tenant on sync_job (tenant_id, id desc);

-- Where a tenant's next product delta starts: the end of the last window, moved in the transaction
-- of the window's last batch.
create table sync_state (
    tenant_id       uuid        not null references tenant (id) on delete cascade,
    type            text        not null,
    last_window_end timestamptz not null,
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, type)
);

-- Variations that could not be transformed: read again by every delta until they pass.
create table pending_variation (
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    variation_id  bigint      not null,
    reason        text        not null,
    first_seen_at timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    primary key (tenant_id, variation_id)
);

-- The config cache, replaced per tenant in one transaction by each CONFIG run.
create table plenty_category (
    tenant_id uuid not null references tenant (id) on delete cascade,
    id        bigint not null,
    parent_id bigint,
    level     integer not null,
    name      text not null,
    primary key (tenant_id, id)
);
create table plenty_attribute (
    tenant_id    uuid not null references tenant (id) on delete cascade,
    id           bigint not null,
    backend_name text not null,
    name         text not null,
    primary key (tenant_id, id)
);
create table plenty_attribute_value (
    tenant_id    uuid not null references tenant (id) on delete cascade,
    id           bigint not null,
    attribute_id bigint not null,
    backend_name text not null,
    name         text not null,
    primary key (tenant_id, id)
);
create table plenty_sales_price (
    tenant_id  uuid not null references tenant (id) on delete cascade,
    id         bigint not null,
    name       text not null,
    currency   char(3) not null,
    is_default boolean not null,
    primary key (tenant_id, id)
);
create table plenty_manufacturer (
    tenant_id uuid not null references tenant (id) on delete cascade,
    id        bigint not null,
    name      text not null,
    primary key (tenant_id, id)
);
create table plenty_unit (
    tenant_id           uuid not null references tenant (id) on delete cascade,
    id                  bigint not null,
    unit_of_measurement text not null,
    name                text not null,
    primary key (tenant_id, id)
);
create table plenty_vat (
    tenant_id uuid not null references tenant (id) on delete cascade,
    id        bigint not null,
    rate      numeric(6, 2) not null,
    primary key (tenant_id, id)
);
create table config_cache (
    tenant_id    uuid primary key references tenant (id) on delete cascade,
    refreshed_at timestamptz not null,
    run_id       bigint not null
);

-- Mock Shopware: the payloads a tenant in mock mode would have sent, by Shopware product id.
create table mock_shopware_product (
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    id             text        not null,
    product_number text        not null,
    parent_id      text,
    payload        jsonb       not null,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, id)
);
