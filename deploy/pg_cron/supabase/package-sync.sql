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

-- Each call's pg_net request id is recorded with the job's name, so that the answers can be told
-- apart from every other pg_net call of the database (net._http_response holds no URL or job).
create table if not exists public.syncline_cron_call (
    request_id bigint primary key,
    job        text        not null,
    called_at  timestamptz not null default now()
);

select cron.schedule(
    'daily-package-sync',  -- scheduling the same name again replaces the job
    '0 2 * * *',           -- 02:00 UTC daily; the service reports "degraded" after 26 h without a successful run
    $$
    insert into public.syncline_cron_call (request_id, job)
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
    ), 'daily-package-sync';
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
-- Only this job's calls (by their request ids); pg_net prunes answers after its TTL, so look soon
-- after the run (a call without an answer row shows nulls).
select c.request_id, c.called_at, r.status_code, r.timed_out, r.error_msg, r.content::jsonb ->> 'runId' as run_id
from public.syncline_cron_call c
left join net._http_response r on r.id = c.request_id
where c.job = 'daily-package-sync'
order by c.called_at desc
limit 10;

-- The run's outcome: GET <base url>/api/crm/sync-packages with the same bearer secret.

-- To stop the schedule:
-- select cron.unschedule('daily-package-sync');
