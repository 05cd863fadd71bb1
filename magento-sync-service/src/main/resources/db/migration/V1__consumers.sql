-- Mailing consumers from Magento orders: one per (normalised email, purchase date).
create table consumer (
    id                   bigserial primary key,
    email                text        not null,
    email_original       text        not null,
    purchase_date        timestamptz not null,
    first_name           text,
    last_name            text,
    phone                text,
    city                 text,
    country              text,
    postcode             text,
    store_code           text,
    magento_entity_id    bigint      not null,
    magento_increment_id text,
    grand_total          numeric(14, 4),
    currency             char(3),
    source               text        not null default 'magento_sync',
    created_at           timestamptz not null default now(),
    constraint consumer_email_purchase_date unique (email, purchase_date)
);

create index consumer_source_created on consumer (source, created_at, id);

-- One row per sync type, as the original system had; last_entity_id is the watermark a page's
-- transaction advances together with the consumers it wrote.
create table sync_status (
    sync_type       text primary key check (sync_type in ('full', 'incremental')),
    last_entity_id  bigint,
    last_sync_at    timestamptz,
    status          text   not null default 'stopped' check (status in ('stopped', 'running', 'error')),
    total_processed bigint not null default 0,
    total_created   bigint not null default 0,
    total_errors    bigint not null default 0,
    last_error      text
);

insert into sync_status (sync_type) values ('full'), ('incremental');

-- consumer_signup events for the mailing tool, written in the same transaction as the consumer.
create table outbox_event (
    id              bigserial primary key,
    event_type      text        not null,
    consumer_id     bigint      not null references consumer (id),
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);

create index outbox_event_pending on outbox_event (next_attempt_at, id) where delivered_at is null;
