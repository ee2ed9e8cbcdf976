package com.switchback.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo fails closed: any configured database or real backend turns it off. */
class DemoModeTest {

    @Test
    void onlyTheEmbeddedDatabaseWithNoRealBackendIsTheDemo() {
        assertThat(DemoMode.decide(new MockEnvironment())).isTrue();
        assertThat(DemoMode.decide(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/sb")))
                .isFalse();
    }

    @Test
    void aLostDatasourceUrlWithAMysqlPairOrAliyunConfiguredIsNotTheDemo() {
        assertThat(DemoMode.decide(new MockEnvironment().withProperty("switchback.mysql.pairs[0].cluster-id", "pc-1")))
                .isFalse();
        assertThat(DemoMode.decide(new MockEnvironment().withProperty("switchback.aliyun.enabled", "true"))).isFalse();
        assertThat(DemoMode.decide(new MockEnvironment().withProperty("switchback.aliyun.enabled", "false"))).isTrue();
    }
}
