-- Booking profiles, the CRM customer each one maps to, and the packages the CRM holds for them.
create table profile (
    id              uuid primary key,
    email           text,
    phone           text,
    name            text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    last_login_at   timestamptz
);

-- How a profile was matched to a CRM customer (email, then phone, then name); an ambiguous or
-- failed match maps nothing and says why.
create table crm_mapping (
    profile_id      uuid primary key references profile (id),
    crm_customer_id text,
    status          text        not null check (status in ('matched', 'ambiguous', 'unmatched')),
    matched_by      text check (matched_by in ('email', 'phone', 'name')),
    note            text,
    matched_at      timestamptz not null default now(),
    last_synced_at  timestamptz
);

create index crm_mapping_customer on crm_mapping (crm_customer_id) where status = 'matched';

create table profile_package (
    id                 bigserial primary key,
    profile_id         uuid        not null references profile (id),
    crm_package_id     text        not null,
    package_type       text,
    package_name       text,
    purchase_date      date,
    first_use_date     date,
    expiration_date    date,
    total_hours        numeric,
    used_hours         numeric,
    remaining_hours    numeric,
    total_sessions     integer,
    used_sessions      integer,
    remaining_sessions integer,
    status             text,
    synced_at          timestamptz not null default now(),
    constraint profile_package_crm unique (profile_id, crm_package_id)
);

-- A bulk run's progress, moved in the same transaction as each batch it covers.
create table bulk_progress (
    run_id              bigint primary key,
    total_profiles      integer not null default 0,
    successful_profiles integer not null default 0,
    failed_profiles     integer not null default 0,
    total_packages      integer not null default 0,
    updated_at          timestamptz not null default now()
);
