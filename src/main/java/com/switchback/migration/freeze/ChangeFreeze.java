package com.switchback.migration.freeze;

import com.switchback.base.CommaList;
import com.switchback.base.Formats;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A change freeze: between {@code startsAt} and {@code endsAt}, no new request on the clusters it
 * names (all when it names none), but for the actions allowed during a freeze and freeze exceptions.
 * An administrator may end it early ({@code endedBy}); it is never deleted, so the record stays.
 *
 * @param clusters cluster ids, comma-separated; empty for every cluster
 */
@Table("change_freeze")
public record ChangeFreeze(@Id Long id, Instant startsAt, Instant endsAt, String reason, String clusters,
                           String createdBy, Instant createdAt, String endedBy) {

    public Set<String> clusterSet() {
        return CommaList.split(clusters);
    }

    public boolean covers(String clusterId) {
        return clusterSet().isEmpty() || clusterSet().contains(clusterId);
    }

    public boolean inForce(Instant now) {
        return endedBy == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** "all clusters" or the ids it names. */
    public String scope() {
        return clusterSet().isEmpty() ? "all clusters" : String.join(", ", clusterSet());
    }

    /** One line: when (in UTC), where and why. */
    public String describe() {
        return line().english();
    }

    /** As {@link #describe()}, for a page to say in its language (the end in UTC). */
    public com.switchback.base.i18n.Text line() {
        return com.switchback.base.i18n.Text.of("freeze.line", id, Formats.utc(endsAt),
                clusterSet().isEmpty() ? com.switchback.base.i18n.Text.of("freeze.allClusters") : String.join(", ", clusterSet()),
                reason);
    }

    ChangeFreeze ended(String by, Instant at) {
        return new ChangeFreeze(id, startsAt, at.isBefore(endsAt) && at.isAfter(startsAt) ? at : endsAt, reason,
                clusters, createdBy, createdAt, by);
    }
}
