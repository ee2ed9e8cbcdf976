-- Fencing: every claim of a request (the first or a takeover) gets a new epoch, and every write of
-- the run names it. A safety stop (both sides writable on a linked pair) offers no retry.
alter table migration_request add column epoch       bigint  not null default 0;
alter table migration_request add column safety_stop boolean not null default false;
