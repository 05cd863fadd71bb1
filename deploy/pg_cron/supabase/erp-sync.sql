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

-- every 10 minutes
select cron.schedule('erp-sync-customers', '*/10 * * * *', $$
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_base_url') || '/api/cron/sync-customers',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_cron_secret'),
            'Content-Type', 'application/json',
            'Prefer', 'respond-async'),
        body := '{}'::jsonb,
        timeout_milliseconds := 10000
    );
$$);

-- every 10 minutes, 5 minutes after the customers
select cron.schedule('erp-sync-suppliers', '5-59/10 * * * *', $$
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_base_url') || '/api/cron/sync-suppliers',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'erp_sync_cron_secret'),
            'Content-Type', 'application/json',
            'Prefer', 'respond-async'),
        body := '{}'::jsonb,
        timeout_milliseconds := 10000
    );
$$);

-- Did it fire? "succeeded" here only means the request was queued. What the service answered:
-- select id, status_code, timed_out, error_msg, content, created from net._http_response order by created desc limit 10;
