-- Job-specific counters of a run (e.g. packages written by a bulk package run), added in the same
-- transaction as the rows they count, like the records_* columns.
alter table sync_run add column counters jsonb not null default '{}';

-- Status reads close runs left 'running' by a process that died; they look only at these rows.
create index sync_run_running on sync_run (job) where status = 'running';
