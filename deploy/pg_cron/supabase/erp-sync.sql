-- SoftOne ERP trader sync: Supabase (pg_cron + pg_net), calling the service's HTTP endpoint. Run in the Supabase SQL
-- editor. The secret never appears here: store it and the service's address in Vault once:
--
--   select vault.create_secret('<the service''s CRON_SECRET>', 'erp_sync_cron_secret', 'Bearer secret for erp-sync-service');
--   select vault.create_secret('https://erp-sync-service.example.com', 'erp_sync_base_url', 'Where erp-sync-service answers');
--
-- pg_net gives up after timeout_milliseconds and does not retry, so every call asks for an
-- asynchronous answer: the service answers 202 with the run id at once and finishes the run
-- whether or not anyone waits. The timeout is always set explicitly (pg_net's default differs
-- between releases). Scheduling the same name again replaces the job; cron.unschedule(name) removes it.

-- Each call's pg_net request id is recorded with the job's name, so that the answers can be told
-- apart from every other pg_net call of the database (net._http_response holds no URL or job).
create table if not exists public.syncline_cron_call (
    request_id bigint primary key,
    job        text        not null,
    called_at  timestamptz not null default now()
);

-- every 10 minutes
select cron.schedule('erp-sync-customers', '*/10 * * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_base_url') || '/api/cron/sync-customers',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_cron_secret'),
            'Content-Type', 'application/json',
            'Prefer', 'respond-async'),
        body := '{}'::jsonb,
        timeout_milliseconds := 10000
    ), 'erp-sync-customers';
$$);

-- every 10 minutes, 5 minutes after the customers
select cron.schedule('erp-sync-suppliers', '5-59/10 * * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_base_url') || '/api/cron/sync-suppliers',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_cron_secret'),
            'Content-Type', 'application/json',
            'Prefer', 'respond-async'),
        body := '{}'::jsonb,
        timeout_milliseconds := 10000
    ), 'erp-sync-suppliers';
$$);

-- Did it fire? "succeeded" here only means the request was queued. What the service answered:
-- select c.job, c.called_at, r.status_code, r.timed_out, r.error_msg, r.content
--   from public.syncline_cron_call c left join net._http_response r on r.id = c.request_id
--   where c.job in ('erp-sync-customers', 'erp-sync-suppliers') order by c.called_at desc limit 10;
