-- The clusters view searches id and description for text anywhere in them (ILIKE '%…%'):
-- trigram indexes keep that fast on a large fleet. pg_trgm is a trusted extension (PostgreSQL 13+).
create extension if not exists pg_trgm;
create index cluster_id_trgm on cluster using gin (id gin_trgm_ops);
create index cluster_description_trgm on cluster using gin (description gin_trgm_ops);
create index cluster_region_idx on cluster (region, id);
create index migration_status_cluster_idx on migration (status, cluster_id);
create index migration_delay_cluster_idx on migration (delayed_seconds, cluster_id);
