-- SoftOne traders: customers (SODTYPE 13) and suppliers (SODTYPE 12), mapped as the original system did.
create table erp_customer (
    id         bigserial primary key,
    trdr       bigint unique,
    code       text,
    afm        text,
    name       text,
    sotitle    text,
    jobtypetrd text,
    address    text,
    city       text,
    zip        text,
    district   text,
    country    text,
    isactive   text        not null check (isactive in ('ACTIVE', 'INACTIVE')),
    phone01    text,
    irsdata    text,
    socurrency integer,
    upddate    timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index erp_customer_afm on erp_customer (afm) where afm is not null;

create table erp_supplier (like erp_customer including all);

-- Where the next delta window starts: SoftOne's own clock ("at") of the last successful run,
-- moved in the same transaction as the rows that run wrote.
create table sync_window (
    job               text primary key,
    last_at           timestamptz not null,
    last_window_start timestamptz,
    updated_at        timestamptz not null default now()
);
