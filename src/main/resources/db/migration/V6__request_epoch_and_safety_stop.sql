-- Fencing: every claim of a request (the first or a takeover) gets a new epoch, and every write of
-- the run names it. A safety stop (both sides writable on a linked pair) offers no retry.
alter table migration_request add column epoch       bigint  not null default 0;
alter table migration_request add column safety_stop boolean not null default false;
create index migration_request_safety_stop_idx on migration_request (cluster_id, id) where safety_stop;

-- Repair: a request like the others, for a pair left half way.
alter table migration_request drop constraint migration_request_action_check;
alter table migration_request add constraint migration_request_action_check
    check (action in ('SWITCH_OVER', 'ROLL_BACK', 'CANCEL', 'COMPLETE', 'REPAIR'));

-- The old writer's GTID position read right after its demotion: it must not move before the
-- promotion (an account that bypasses read_only would otherwise write unseen).
alter table mysql_pair_phase add column demoted_position text;
