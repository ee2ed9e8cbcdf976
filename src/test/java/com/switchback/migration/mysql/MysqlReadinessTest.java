package com.switchback.migration.mysql;

import com.switchback.base.ActionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.TestUsers;
import com.switchback.migration.RequestPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each readiness check on real servers: create the problem, see it fail or warn with its fix,
 * remove it, see it pass. The lab's servers as set up pass or only warn.
 */
class MysqlReadinessTest extends MysqlLabTest {

    @Test
    void theLabAsSetUpPassesOrOnlyWarns() {
        List<RequestPlan.Check> checks = readiness();
        assertThat(checks).filteredOn(c -> !c.passed()).isEmpty();
        assertThat(check("TLS on the link").warning()).as("the lab's link has no TLS").isTrue();
        assertThat(check("Replication account on PolarDB").passed()).isTrue();
        assertThat(check("gtid_strict_mode on both servers").passed()).isTrue();
        assertThat(check("GTID replication usable").passed()).isTrue();
        assertThat(check("Accounts that bypass read_only on Source RDS").warning()).as("root may write").isTrue();
    }

    @Test
    void aTableWithoutAPrimaryKeyWarns() throws Exception {
        sql(lab.rds, "create table shop.nokey (v int)");
        try {
            assertWarns("Tables without a primary key", "shop.nokey");
        } finally {
            sql(lab.rds, "drop table shop.nokey");
        }
        assertPasses("Tables without a primary key");
    }

    @Test
    void aNonInnoDbTableFails() throws Exception {
        sql(lab.rds, "create table shop.legacy (id int primary key) engine = MyISAM");
        try {
            assertFails("Non-InnoDB tables", "shop.legacy (MyISAM)");
        } finally {
            sql(lab.rds, "drop table shop.legacy");
        }
        assertPasses("Non-InnoDB tables");
    }

    @Test
    void triggersAndEventsWarn() throws Exception {
        sql(lab.rds, "create trigger shop.stamp before insert on shop.writes for each row set new.at = now(6)",
                "create event shop.tidy on schedule every 1 day disable do delete from shop.writes where id < 0");
        try {
            assertWarns("Triggers", "shop.stamp");
            assertWarns("Events", "shop.tidy");
        } finally {
            sql(lab.rds, "drop trigger shop.stamp", "drop event shop.tidy");
        }
        assertPasses("Triggers");
        assertPasses("Events");
    }

    @Test
    void aStatementBasedBinaryLogFailsAndShortRetentionWarns() throws Exception {
        sql(lab.polardb, "set global binlog_format = 'STATEMENT'", "set global binlog_expire_logs_seconds = 3600");
        try {
            assertFails("binlog_format on PolarDB", "STATEMENT");
            assertWarns("Binary log retention on PolarDB", "3600 s");
        } finally {
            sql(lab.polardb, "set global binlog_format = 'ROW'", "set global binlog_expire_logs_seconds = 0");
        }
        assertPasses("binlog_format on PolarDB");
        assertPasses("Binary log retention on PolarDB");
    }

    @Test
    void aMissingReplicationAccountFails() throws Exception {
        sql(lab.polardb, "set sql_log_bin = 0", "rename user 'repl'@'%' to 'repl_away'@'%'");
        try {
            assertFails("Replication account on PolarDB", "repl is missing");
        } finally {
            sql(lab.polardb, "set sql_log_bin = 0", "rename user 'repl_away'@'%' to 'repl'@'%'");
        }
        assertPasses("Replication account on PolarDB");
    }

    @Test
    void aDatabaseMissingOnTheDestinationFails() throws Exception {
        sql(lab.rds, "set sql_log_bin = 0", "create database reports");
        try {
            assertFails("Databases on PolarDB", "Missing: reports");
        } finally {
            sql(lab.rds, "set sql_log_bin = 0", "drop database reports");
        }
        assertPasses("Databases on PolarDB");
    }

    @Test
    void aRequestKeepsTheChecksItMetAndItsWarningsMustBeAcknowledged() {
        TestUsers.loginAs("dba", "DBA");
        var options = com.switchback.migration.ActionOptions.swap(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.request(CLUSTER,
                        com.switchback.migration.MigrationAction.SWITCH_OVER, options, "Cut-over"))
                .isInstanceOf(com.switchback.base.ActionRefusedException.class)
                .hasMessageStartingWith("Acknowledge the warnings first: ").hasMessageContaining("TLS on the link");
        TestUsers.logout();

        long id = approved(com.switchback.migration.MigrationAction.SWITCH_OVER, true);
        assertThat(executor.run("executor-A", id)).isEqualTo(com.switchback.migration.OperationRunner.Result.SUCCEEDED);
        for (String phase : List.of("REQUESTED", "APPROVED", "STARTED")) {
            assertThat(jdbc.sql("select outcome from request_check where request_id = :r and phase = :p and name = 'TLS on the link'")
                    .param("r", id).param("p", phase).query(String.class).single()).as(phase).isEqualTo("WARN");
        }
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.created'")
                .param("r", id).query(String.class).single()).contains("warnings acknowledged: ").contains("TLS on the link");
    }

    private List<RequestPlan.Check> readiness() {
        TestUsers.loginAs("dba", "DBA");
        try {
            return service.readiness(CLUSTER);
        } finally {
            TestUsers.logout();
        }
    }

    private RequestPlan.Check check(String name) {
        return readiness().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void assertFails(String name, String detail) {
        RequestPlan.Check c = check(name);
        assertThat(c.passed()).as(name).isFalse();
        assertThat(c.detail()).contains(detail);
        assertThat(c.fix()).isNotBlank();
    }

    private void assertWarns(String name, String detail) {
        RequestPlan.Check c = check(name);
        assertThat(c.warning()).as(name).isTrue();
        assertThat(c.detail()).contains(detail);
        assertThat(c.fix()).isNotBlank();
    }

    private void assertPasses(String name) {
        RequestPlan.Check c = check(name);
        assertThat(c.passed() && !c.warning()).as(name + ": " + c.detail()).isTrue();
    }
}
