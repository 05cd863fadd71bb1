-- A run that reads in parallel splits the entity ids into ranges; each range's cursor moves in the
-- transaction of each of its pages. The rows outlive a run that broke off, so the next run of the
-- same sync type continues the unfinished ranges instead of reading the finished ones again.
create table read_range (
    sync_type  text    not null check (sync_type in ('full', 'incremental')),
    range_no   int     not null,
    range_from bigint  not null,
    range_to   bigint,
    cursor     bigint  not null,
    done       boolean not null default false,
    primary key (sync_type, range_no)
);
