-- SoftOne ERP trader sync: plain pg_cron, on any PostgreSQL (no pg_net needed). Each job inserts a row into the
-- service's cron_trigger table; a replica of the service claims it (LISTEN/NOTIFY wakes it at once,
-- a poll every 30 s catches the rest) and starts the job through its own endpoint, exactly like an
-- HTTP call with the cron secret: same validation, same single flight, trigger "cron" in the ledger.
-- A row inserted while no replica runs waits for the next one that starts.
--
-- Run in the database that has pg_cron (cron.database_name). When the services' database is another
-- one, use cron.schedule_in_database(name, schedule, command, '<services database>') instead.
-- Scheduling the same name again replaces the job; cron.unschedule(name) removes it.

-- every 10 minutes: customers changed since the last run
select cron.schedule('erp-sync-customers', '*/10 * * * *', $$insert into erp_sync.cron_trigger (job) values ('sync-customers')$$);

-- every 10 minutes, 5 minutes after the customers
select cron.schedule('erp-sync-suppliers', '5-59/10 * * * *', $$insert into erp_sync.cron_trigger (job) values ('sync-suppliers')$$);

-- Did it fire, and what did the service answer? (http_status 200/202 = started; 409 = one was running)
-- select jobname, status, return_message, start_time from cron.job_run_details d join cron.job j using (jobid)
--  where jobname like 'erp%' order by start_time desc limit 10;
-- select id, job, requested_at, answered_at, http_status, answer from erp_sync.cron_trigger order by id desc limit 10;
