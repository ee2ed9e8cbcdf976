package com.switchback.migration.freeze;

import com.switchback.migration.MigrationAction;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a change freeze still allows.
 *
 * @param allowed actions that may still be requested during a freeze (default: Roll Back, the safety action)
 */
@ConfigurationProperties("switchback.freeze")
public record FreezePolicy(Set<MigrationAction> allowed) {

    public FreezePolicy {
        allowed = allowed == null ? EnumSet.of(MigrationAction.ROLL_BACK) : Set.copyOf(allowed);
    }
}
