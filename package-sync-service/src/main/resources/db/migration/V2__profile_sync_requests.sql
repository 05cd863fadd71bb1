-- Individual syncs are requests on the profile row: a login, a booking or a refresh sets
-- sync_requested_at; a worker on any replica claims the profile (sync_claimed_until) and clears the
-- request when done, unless a newer one arrived meanwhile. Nothing waits in memory, nothing is lost
-- when a replica stops, and one profile is never synced twice at once.
alter table profile
    add column sync_requested_at  timestamptz,
    add column sync_claimed_at    timestamptz,
    add column sync_claimed_until timestamptz,
    add column sync_failures      integer not null default 0,
    add column last_sync_error    text;

create index profile_sync_requested on profile (sync_requested_at) where sync_requested_at is not null;

-- A bulk run's counts live in the run ledger (records and the 'packages' counter).
drop table bulk_progress;
