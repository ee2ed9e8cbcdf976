package com.switchback.migration.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.base.ActionRefusedException;
import com.switchback.migration.mysql.MysqlProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verify Data on Alibaba Cloud: offered where read-only accounts are configured for the cluster, refused with why elsewhere. */
class AliyunVerifyDataTest {

    @Test
    void verifyDataIsOfferedOnlyWhereReadOnlyAccountsAreConfigured() throws Exception {
        AliyunProperties base = FakePolarDb.shared().properties(FakePolarDb.REGION, "secret");
        var accounts = new AliyunProperties.ReadOnlyAccounts(
                new MysqlProperties.Server("rds.internal", 3306, "verify", "pw", null, null),
                new MysqlProperties.Server("polardb.internal", 3306, "verify", "pw", null, null));
        AliyunProperties configured = new AliyunProperties(base.enabled(), base.regions(), base.endpoint(),
                base.endpoints(), base.proxy(), base.protocol(), base.accessKeyId(), base.accessKeySecret(),
                base.securityToken(), base.activePoll(), base.idlePoll(), base.transitionTimeout(), base.acceptGrace(),
                base.maxAttempts(), base.backoff(), Map.of("pc-verified", accounts));
        AliyunBackend backend = new AliyunBackend(configured);
        assertThat(backend.dataCheckUnavailable("pc-verified")).isNull();
        assertThat(backend.dataCheckUnavailable("pc-other")).contains("switchback.aliyun.verification.pc-other.rds");
        assertThatThrownBy(() -> backend.dataCheck("pc-other")).isInstanceOf(ActionRefusedException.class);
    }
}
