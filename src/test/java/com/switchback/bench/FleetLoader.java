package com.switchback.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Fills the database with a large fleet of a backend no poller watches ("bench"). */
final class FleetLoader {

    private FleetLoader() {
    }

    static void load(JdbcClient jdbc, int count) {
        jdbc.sql("""
                insert into cluster (id, backend, description, region, engine_version, cluster_status)
                select 'pc-bench' || lpad(n::text, 7, '0'), 'bench',
                       (array['orders','payments','ledger','catalog','search'])[1 + n % 5] || '-prod-' || n,
                       (array['cn-hangzhou','cn-shanghai','cn-beijing','ap-southeast-1','eu-central-1'])[1 + n % 5],
                       'MySQL 8.0', 'Running'
                from generate_series(1, :count) n on conflict do nothing""").param("count", count).update();
        jdbc.sql("""
                insert into migration (cluster_id, backend, source_rds_id, status, rds_rw_mode, cluster_rw_mode,
                    topology, delayed_seconds, comment)
                select 'pc-bench' || lpad(n::text, 7, '0'), 'bench', 'rm-bench' || n,
                       (array['NO_MIGRATION','RDS2POLARDB_CLONING','RDS2POLARDB_SYNCING','SWITCHING',
                              'POLARDB2RDS_SYNCING','ROLLBACK','CLOSING_MIGRATION'])[1 + n % 7],
                       'rw', 'ro', 'RDS2POLARDB', n % 300, ''
                from generate_series(1, :count) n on conflict do nothing""").param("count", count).update();
        // VACUUM also empties the trigram indexes' pending lists, as autovacuum does on a live system.
        jdbc.sql("vacuum analyze cluster").update();
        jdbc.sql("vacuum analyze migration").update();
    }
}
