-- A run's status and counts live in the run ledger only; sync_status keeps the watermark per sync
-- type, moved by the transaction that writes each page.
alter table sync_status
    drop column status,
    drop column total_processed,
    drop column total_created,
    drop column total_errors,
    drop column last_error;
