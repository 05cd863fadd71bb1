-- Scheduled jobs an operator paused; every replica skips their executions until resumed.
create table job_pause (
    job       text primary key,
    paused_at timestamptz not null default now(),
    paused_by text
);
