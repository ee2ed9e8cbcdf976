package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The state machine over every (status, action) pair, against the table of docs/architecture.md §1. */
class ActionRulesTest {

    private static final Map<MigrationAction, Set<MigrationStatus>> TABLE = Map.of(
            MigrationAction.SWITCH_OVER, Set.of(MigrationStatus.RDS2POLARDB_SYNCING),
            MigrationAction.ROLL_BACK, Set.of(MigrationStatus.POLARDB2RDS_SYNCING),
            MigrationAction.CANCEL, Set.of(MigrationStatus.RDS2POLARDB_CLONING, MigrationStatus.RDS2POLARDB_SYNCING),
            MigrationAction.COMPLETE, Set.of(MigrationStatus.POLARDB2RDS_SYNCING),
            MigrationAction.REPAIR, Set.of(MigrationStatus.SWITCHING, MigrationStatus.ROLLBACK));

    @ParameterizedTest
    @EnumSource(MigrationStatus.class)
    void everyActionInEveryStatusIsAllowedExactlyWhereTheTableSays(MigrationStatus status) {
        for (MigrationAction action : MigrationAction.values()) {
            var decision = ActionRules.check(status.name(), 5, action);
            boolean expected = TABLE.get(action).contains(status);
            assertThat(decision.allowed()).as("%s in %s", action, status).isEqualTo(expected);
            if (expected) {
                assertThat(decision.reason()).isEmpty();
            } else {
                assertThat(decision.reason()).as("reason for %s in %s", action, status)
                        .contains(action.title()).contains(status.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRECHECK_FAILED", "", "rds2polardb_syncing", "SWITCHING "})
    void anUnknownStatusAllowsNoActionAndIsNamedRaw(String raw) {
        for (MigrationAction action : MigrationAction.values()) {
            var decision = ActionRules.check(raw, 5, action);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.reason()).contains("unknown status \"" + raw + "\"");
        }
    }

    @Test
    void switchOverNeedsLatencyUnderSixtySeconds() {
        String syncing = MigrationStatus.RDS2POLARDB_SYNCING.name();
        assertThat(ActionRules.check(syncing, 0, MigrationAction.SWITCH_OVER).allowed()).isTrue();
        assertThat(ActionRules.check(syncing, 59, MigrationAction.SWITCH_OVER).allowed()).isTrue();
        var atLimit = ActionRules.check(syncing, 60, MigrationAction.SWITCH_OVER);
        assertThat(atLimit.allowed()).isFalse();
        assertThat(atLimit.reason()).contains("60 s").contains("under 60 s");
        var notMeasured = ActionRules.check(syncing, -1, MigrationAction.SWITCH_OVER);
        assertThat(notMeasured.allowed()).isFalse();
        assertThat(notMeasured.reason()).contains("not measured");
        assertThat(ActionRules.check(syncing, null, MigrationAction.SWITCH_OVER).allowed()).isFalse();
    }

    @Test
    void latencyDoesNotMatterForTheOtherActions() {
        assertThat(ActionRules.check("RDS2POLARDB_SYNCING", 500, MigrationAction.CANCEL).allowed()).isTrue();
        assertThat(ActionRules.check("POLARDB2RDS_SYNCING", 500, MigrationAction.ROLL_BACK).allowed()).isTrue();
        assertThat(ActionRules.check("POLARDB2RDS_SYNCING", -1, MigrationAction.COMPLETE).allowed()).isTrue();
    }

    @Test
    void labelsShowUnknownValuesAsUnknown() {
        assertThat(com.switchback.base.i18n.Messages.get(com.switchback.base.i18n.Messages.ENGLISH, MigrationStatus.labelKey("ROLLBACK"))).isEqualTo("Rolling back");
        assertThat(com.switchback.base.i18n.Messages.get(com.switchback.base.i18n.Messages.ENGLISH, MigrationStatus.labelKey("SOMETHING_NEW"))).isEqualTo("Unknown status");
    }
}
