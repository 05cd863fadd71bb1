-- Plentymarkets to Shopware catalog sync (per tenant; replace the tenant id): Supabase (pg_cron + pg_net), calling the service's HTTP endpoint. Run in the Supabase SQL
-- editor. The secret never appears here: store it and the service's address in Vault once:
--
--   select vault.create_secret('<the service''s CRON_SECRET>', 'catalog_sync_cron_secret', 'Bearer secret for catalog-sync-service');
--   select vault.create_secret('https://catalog-sync-service.example.com', 'catalog_sync_base_url', 'Where catalog-sync-service answers');
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

-- daily 03:00 UTC (enqueues: always 202)
select cron.schedule('catalog-config-00000000-0000-0000-0000-000000000001', '0 3 * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'catalog_sync_base_url') || '/api/tenants/00000000-0000-0000-0000-000000000001/syncs',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'catalog_sync_cron_secret'),
            'Content-Type', 'application/json'),
        body := '{"type": "CONFIG"}'::jsonb,
        timeout_milliseconds := 10000
    ), 'catalog-config-00000000-0000-0000-0000-000000000001';
$$);

-- every 15 minutes
select cron.schedule('catalog-delta-00000000-0000-0000-0000-000000000001', '*/15 * * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'catalog_sync_base_url') || '/api/tenants/00000000-0000-0000-0000-000000000001/syncs',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'catalog_sync_cron_secret'),
            'Content-Type', 'application/json'),
        body := '{"type": "PRODUCT_DELTA"}'::jsonb,
        timeout_milliseconds := 10000
    ), 'catalog-delta-00000000-0000-0000-0000-000000000001';
$$);

-- Did it fire? "succeeded" here only means the request was queued. What the service answered:
-- select c.job, c.called_at, r.status_code, r.timed_out, r.error_msg, r.content
--   from public.syncline_cron_call c left join net._http_response r on r.id = c.request_id
--   where c.job in ('catalog-config-00000000-0000-0000-0000-000000000001', 'catalog-delta-00000000-0000-0000-0000-000000000001') order by c.called_at desc limit 10;
