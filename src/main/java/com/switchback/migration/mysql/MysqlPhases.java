package com.switchback.migration.mysql;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which action is in flight on a pair, and the old writer's position right after its demotion,
 * kept in PostgreSQL so that both outlive a crash.
 */
@Repository
class MysqlPhases {

    private final JdbcClient jdbc;

    MysqlPhases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> current(String clusterId) {
        return jdbc.sql("select status from mysql_pair_phase where cluster_id = :id")
                .param("id", clusterId).query(String.class).optional();
    }

    void begin(String clusterId, String status) {
        jdbc.sql("""
                        insert into mysql_pair_phase (cluster_id, status) values (:id, :s)
                        on conflict (cluster_id) do update set status = excluded.status, since = now(),
                            demoted_position = null
                        """)
                .param("id", clusterId).param("s", status).update();
    }

    void rememberDemotedPosition(String clusterId, String position) {
        jdbc.sql("update mysql_pair_phase set demoted_position = :p where cluster_id = :id")
                .param("id", clusterId).param("p", position).update();
    }

    Optional<String> demotedPosition(String clusterId) {
        return jdbc.sql("select demoted_position from mysql_pair_phase where cluster_id = :id and demoted_position is not null")
                .param("id", clusterId).query(String.class).optional();
    }

    void end(String clusterId) {
        jdbc.sql("delete from mysql_pair_phase where cluster_id = :id").param("id", clusterId).update();
    }
}
