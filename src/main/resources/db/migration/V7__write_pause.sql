-- The write pause a handover's read-only window caused, as the executor measured it:
-- demotion → promotion, and demotion → endpoints switched.
alter table migration_request add column write_pause_ms           integer;
alter table migration_request add column write_pause_endpoints_ms integer;
