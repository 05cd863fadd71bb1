-- Daily bulk package sync, driven from the CRM's Supabase project with pg_cron + pg_net.
-- Run in the Supabase SQL editor. The secret never appears here: store it in Supabase Vault once.
--
--   select vault.create_secret('<the service''s CRON_SECRET>', 'package_sync_cron_secret',
--                              'Bearer secret for package-sync-service');
--   select vault.create_secret('https://booking.example.com', 'package_sync_base_url',
--                              'Where package-sync-service answers');
--
-- pg_net gives up after timeout_milliseconds and only queues the request when the cron job runs, so
-- the call asks for an asynchronous answer: the service replies 202 with the run id at once and
-- finishes the run whether or not anyone waits. The default timeout differs between pg_net
-- releases (2000 or 5000 ms); it is always set explicitly.

select cron.schedule(
    'daily-package-sync',  -- scheduling the same name again replaces the job
    '0 2 * * *',           -- 02:00 UTC daily; the service reports "degraded" after 26 h without a successful run
    $$
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'package_sync_base_url')
               || '/api/crm/sync-packages',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets
                                           where name = 'package_sync_cron_secret'),
            'Content-Type', 'application/json',
            'Prefer', 'respond-async'),
        body := jsonb_build_object('batchSize', 20, 'maxProfiles', null, 'onlyNewProfiles', false, 'async', true),
        timeout_milliseconds := 10000
    );
    $$
);

-- Is the job there and active?
select jobid, jobname, schedule, active
from cron.job
where jobname = 'daily-package-sync';

-- Did the cron job run? "succeeded" here only means the HTTP request was queued.
select d.runid, d.status, d.return_message, d.start_time, d.end_time
from cron.job_run_details d
join cron.job j on j.jobid = d.jobid
where j.jobname = 'daily-package-sync'
order by d.start_time desc
limit 10;

-- What did the service answer? Expect 202 with {"success":true,"runId":…,"status":"started"}.
-- Rows are pruned after pg_net's TTL, so look soon after the run.
select id, status_code, timed_out, error_msg, content::jsonb ->> 'runId' as run_id, created
from net._http_response
order by created desc
limit 10;

-- The run's outcome: GET <base url>/api/crm/sync-packages with the same bearer secret.

-- To stop the schedule:
-- select cron.unschedule('daily-package-sync');
