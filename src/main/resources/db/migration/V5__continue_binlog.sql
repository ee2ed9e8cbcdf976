-- Cancel and Complete on Alibaba Cloud: keep binary logging on after the link is closed
-- (CloseDBClusterMigration's ContinueEnableBinlog). Turning it off restarts the cluster.
alter table migration_request add column continue_binlog boolean not null default true;
