-- Every run of every job, whoever started it; status endpoints read this so any replica answers alike.
create table sync_run (
    id               bigserial primary key,
    job              text        not null,
    mode             text        not null,
    trigger          text        not null check (trigger in ('api', 'schedule', 'cron')),
    status           text        not null check (status in ('running', 'succeeded', 'partial', 'error')),
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    records_total    bigint,
    records_read     bigint      not null default 0,
    records_created  bigint      not null default 0,
    records_updated  bigint      not null default 0,
    records_skipped  bigint      not null default 0,
    records_rejected bigint      not null default 0,
    error_message    text
);

create index sync_run_job_started on sync_run (job, started_at desc);

-- Records that could not be mapped: kept with their upstream id and the reason, the run goes on.
create table rejected_record (
    id          bigserial primary key,
    run_id      bigint      not null references sync_run (id),
    job         text        not null,
    upstream_id text,
    reason      text        not null,
    rejected_at timestamptz not null default now()
);

create index rejected_record_run on rejected_record (run_id);
