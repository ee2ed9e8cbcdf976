package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A pair registered through environment variables, as the README shows it. */
class MysqlPropertiesTest {

    @Test
    void aPairBindsFromEnvironmentVariables() {
        String p = "SWITCHBACK_MYSQL_PAIRS_0_";
        Map<String, Object> env = new HashMap<>(Map.of(
                p + "CLUSTERID", "pc-orders01", p + "SOURCERDSID", "rm-orders01",
                p + "RDS_HOST", "10.0.0.11", p + "RDS_USER", "switchback", p + "RDS_PASSWORD", "from-the-vault",
                p + "POLARDB_HOST", "10.0.0.12", p + "POLARDB_PORT", "3307",
                p + "REPLICATION_USER", "repl", p + "HAPROXY_RUNTIMEAPI", "10.0.0.10:9999"));
        env.put(p + "HAPROXY_RDSENDPOINT_BACKEND", "rds_endpoint");
        env.put(p + "HAPROXY_POLARDBENDPOINT_BACKEND", "polardb_endpoint");
        env.put(p + "CATCHUPTIMEOUT", "PT90S");

        MysqlProperties.Pair pair = bind(env).pairs().getFirst();

        assertThat(pair.clusterId()).isEqualTo("pc-orders01");
        assertThat(pair.rds().password()).isEqualTo("from-the-vault");
        assertThat(pair.rds().port()).as("default port").isEqualTo(3306);
        assertThat(pair.polardb().port()).isEqualTo(3307);
        assertThat(pair.polardb().linkHost()).isEqualTo("10.0.0.12");
        assertThat(pair.haproxy().rdsServer()).isEqualTo("rds");
        assertThat(pair.haproxy().polardbEndpoint().backend()).isEqualTo("polardb_endpoint");
        assertThat(pair.catchUpTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(pair.problem()).isNull();
    }

    @Test
    void aPairWithSomethingMissingSaysWhat() {
        String p = "SWITCHBACK_MYSQL_PAIRS_0_";
        MysqlProperties.Pair pair = bind(Map.of(p + "CLUSTERID", "pc-orders01", p + "SOURCERDSID", "rm-orders01",
                p + "RDS_HOST", "10.0.0.11")).pairs().getFirst();
        assertThat(pair.problem()).isEqualTo("pair pc-orders01: both rds.host and polardb.host are required");
    }

    private static MysqlProperties bind(Map<String, Object> env) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("switchback.mysql", MysqlProperties.class);
    }
}
