-- The trigger channel: an external cron (pg_cron on any PostgreSQL) inserts a row naming a job;
-- a replica of the service claims it and starts the job through the job's own endpoint. Rows are
-- durable, so a trigger inserted while no replica listens runs when one starts.
create table cron_trigger (
    id           bigserial primary key,
    job          text        not null,
    params       jsonb       not null default '{}',
    body         jsonb       not null default '{}',
    requested_at timestamptz not null default now(),
    claimed_at   timestamptz,
    claimed_by   text,
    answered_at  timestamptz,
    http_status  integer,
    answer       text
);

create index cron_trigger_open on cron_trigger (id) where answered_at is null;

-- Wake the listening replicas at once; the payload names the schema, so services sharing a
-- database each claim only their own rows.
create function cron_trigger_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('syncline_trigger', tg_table_schema);
    return null;
end
$$;

create trigger cron_trigger_notify after insert on cron_trigger
    for each statement execute function cron_trigger_notify();
