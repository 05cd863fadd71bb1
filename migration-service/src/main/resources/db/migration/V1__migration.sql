-- A comparison is a run of the ledger (its id is the run id): its summary here, its differences
-- below, paged by position. While it runs, both stores' records pass through comparison_record
-- (keys only for the destination), which is emptied when the differences are written.
create table comparison (
    run_id               bigint primary key,
    kind                 text        not null check (kind in ('customers', 'orders')),
    source_platform      text        not null,
    destination_platform text        not null,
    source_count         integer     not null default 0,
    destination_count    integer     not null default 0,
    matched              integer     not null default 0,
    only_in_source       integer     not null default 0,
    ambiguous            integer     not null default 0,
    created_at           timestamptz not null default now(),
    finished_at          timestamptz
);

create unlogged table comparison_record (
    run_id    bigint not null,
    side      char(1) not null check (side in ('S', 'D')),
    position  bigint not null,
    record_id text   not null,
    key1      text,
    key2      text,
    payload   jsonb
);
create index comparison_record_key1 on comparison_record (run_id, side, key1);
create index comparison_record_key2 on comparison_record (run_id, side, key2);

create table comparison_difference (
    run_id       bigint  not null references comparison (run_id) on delete cascade,
    position     integer not null,
    source_id    text    not null,
    match_status text    not null check (match_status in ('onlyInSource', 'ambiguous')),
    match_note   text    not null,
    candidates   text[]  not null default '{}',
    payload      jsonb   not null,
    primary key (run_id, position)
);

-- Which source record became which destination record: a record mapped here is never created again.
create table id_map (
    kind                 text        not null check (kind in ('customer', 'order')),
    source_platform      text        not null,
    source_id            text        not null,
    destination_platform text        not null,
    destination_id       text        not null,
    how                  text        not null,
    created_at           timestamptz not null default now(),
    primary key (kind, source_platform, source_id)
);

-- A migration is a run of the ledger: each record's result, in request order.
create table migration_result (
    run_id   bigint  not null,
    position integer not null,
    result   jsonb   not null,
    primary key (run_id, position)
);
