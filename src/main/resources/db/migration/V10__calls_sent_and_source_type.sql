-- When a step sent its one outward call (a vendor API change): kept across retries and takeovers, so
-- a call whose effect shows only later is followed, never sent again (docs/architecture.md §4).
alter table operation_step add column call_sent_at timestamptz;

-- What the migration copies from: an RDS instance (the usual case) or a PolarDB cluster being
-- upgraded to a new major version (Alibaba Cloud's SrcDbType).
alter table migration add column source_type varchar(32) not null default 'RDS';

-- An endpoint of the API has one address per network type (private, public): each is a row of its own.
alter table endpoint drop constraint endpoint_pkey;
alter table endpoint add primary key (cluster_id, side, endpoint_id, net_type, connection_string);
