-- Magento consumer sync: plain pg_cron, on any PostgreSQL (no pg_net needed). Each job inserts a row into the
-- service's cron_trigger table; a replica of the service claims it (LISTEN/NOTIFY wakes it at once,
-- a poll every 30 s catches the rest) and starts the job through its own endpoint, exactly like an
-- HTTP call with the cron secret: same validation, same single flight, trigger "cron" in the ledger.
-- A row inserted while no replica runs waits for the next one that starts.
--
-- Run in the database that has pg_cron (cron.database_name). When the services' database is another
-- one, use cron.schedule_in_database(name, schedule, command, '<services database>') instead.
-- Scheduling the same name again replaces the job; cron.unschedule(name) removes it.

-- daily 03:00 UTC: orders since the watermark
select cron.schedule('magento-sync-incremental', '0 3 * * *', $$insert into magento_sync.cron_trigger (job, body) values ('sync-customers', '{}')$$);

-- Did it fire, and what did the service answer? (http_status 200/202 = started; 409 = one was running)
-- select jobname, status, return_message, start_time from cron.job_run_details d join cron.job j using (jobid)
--  where jobname like 'magento%' order by start_time desc limit 10;
-- select id, job, requested_at, answered_at, http_status, answer from magento_sync.cron_trigger order by id desc limit 10;
