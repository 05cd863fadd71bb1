-- WooCommerce/Shopify comparisons: Supabase (pg_cron + pg_net), calling the service's HTTP endpoint. Run in the Supabase SQL
-- editor. The secret never appears here: store it and the service's address in Vault once:
--
--   select vault.create_secret('<the service''s CRON_SECRET>', 'migration_cron_secret', 'Bearer secret for migration-service');
--   select vault.create_secret('https://migration-service.example.com', 'migration_base_url', 'Where migration-service answers');
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

-- daily 04:00 UTC ("async": true answers 202)
select cron.schedule('migration-compare-customers', '0 4 * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'migration_base_url') || '/api/customers/compare',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'migration_cron_secret'),
            'Content-Type', 'application/json'),
        body := '{"sourceOfTruth": "woocommerce", "async": true}'::jsonb,
        timeout_milliseconds := 10000
    ), 'migration-compare-customers';
$$);

-- daily 04:15 UTC
select cron.schedule('migration-compare-orders', '15 4 * * *', $$
    insert into public.syncline_cron_call (request_id, job)
    select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'migration_base_url') || '/api/orders/compare',
        headers := jsonb_build_object(
            'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'migration_cron_secret'),
            'Content-Type', 'application/json'),
        body := '{"sourceOfTruth": "woocommerce", "async": true}'::jsonb,
        timeout_milliseconds := 10000
    ), 'migration-compare-orders';
$$);

-- Did it fire? "succeeded" here only means the request was queued. What the service answered:
-- select c.job, c.called_at, r.status_code, r.timed_out, r.error_msg, r.content
--   from public.syncline_cron_call c left join net._http_response r on r.id = c.request_id
--   where c.job in ('migration-compare-customers', 'migration-compare-orders') order by c.called_at desc limit 10;
