package com.switchback.migration.mysql;

import com.switchback.migration.Endpoint.Side;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.PairControl;
import com.switchback.migration.RequestPlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The primitives of a real pair for the core's recipe: every call opens a fresh connection and
 * reads or changes live state; the in-flight mark and the demoted position live in PostgreSQL, so
 * they outlive a crash.
 */
final class MysqlPairControl implements PairControl {

    private final MysqlPair p;
    private final MysqlPhases phases;

    MysqlPairControl(MysqlPair p, MysqlPhases phases) {
        this.p = p;
        this.phases = phases;
    }

    private MysqlServer server(Side side) {
        return side == Side.RDS ? p.rds() : p.polardb();
    }

    @Override
    public MigrationSnapshot describe() {
        return PairStatus.snapshot(p, p.read(), phases.current(p.id()));
    }

    @Override
    public List<RequestPlan.Check> preChecks(MigrationAction action, boolean swapEndpoints) {
        return MysqlPreChecks.of(p, p.read(), action, swapEndpoints);
    }

    @Override
    public boolean readOnly(Side side) throws Exception {
        return p.on(server(side), (c, d) -> MysqlServer.readOnly(c));
    }

    @Override
    public boolean setReadOnly(Side side, boolean on) throws Exception {
        return p.on(server(side), (c, d) -> MysqlServer.setReadOnly(c, d, on));
    }

    @Override
    public String writtenPosition(Side side) throws Exception {
        return p.on(server(side), MysqlServer::writtenPosition);
    }

    @Override
    public boolean awaitApplied(Side side, String position, Duration max) throws Exception {
        return p.on(server(side), (c, d) -> MysqlServer.waitForGtid(c, d, position, max));
    }

    @Override
    public boolean hasApplied(Side side, String position) throws Exception {
        return p.on(server(side), (c, d) -> MysqlServer.hasApplied(c, d, position));
    }

    @Override
    public Optional<String> linkProblem(Side replica) throws Exception {
        return p.on(server(replica), (c, d) -> {
            var link = MysqlServer.replica(c);
            if (link.isEmpty()) {
                return Optional.of(replica.label() + " does not replicate");
            }
            return Optional.ofNullable(link.get().error());
        });
    }

    @Override
    public boolean replicates(Side replica) throws Exception {
        return p.on(server(replica), (c, d) -> MysqlServer.replica(c).isPresent());
    }

    @Override
    public void breakLink(Side replica) throws Exception {
        p.on(server(replica), (c, d) -> {
            MysqlServer.breakLink(c, d);
            return null;
        });
    }

    @Override
    public void replicateFromOther(Side replica) throws Exception {
        MysqlServer source = server(replica == Side.RDS ? Side.POLARDB : Side.RDS);
        p.on(server(replica), (c, d) -> {
            MysqlServer.replicateFrom(c, d, source.config(), p.config().replication());
            return null;
        });
    }

    @Override
    public boolean endpointsAre(boolean swapped) throws Exception {
        return p.endpointsAre(swapped);
    }

    @Override
    public void pointEndpoints(boolean swapped) throws Exception {
        p.pointEndpoints(swapped);
    }

    @Override
    public Optional<String> inFlight() {
        return phases.current(p.id());
    }

    @Override
    public void markInFlight(MigrationStatus status) {
        phases.begin(p.id(), status.name());
    }

    /** The status of a pair with no mark follows its servers; a settled pair is one without a mark. */
    @Override
    public boolean settled(MigrationStatus target) {
        return phases.current(p.id()).isEmpty();
    }

    @Override
    public void settle(MigrationStatus target) {
        phases.end(p.id());
    }

    @Override
    public void rememberDemotedPosition(String position) {
        MysqlWindow window = p.heldWindow();
        if (window != null) {
            window.rememberDemotedPosition(position);
        } else {
            phases.rememberDemotedPosition(p.id(), position);
        }
    }

    @Override
    public Optional<String> demotedPosition() {
        MysqlWindow window = p.heldWindow();
        return window != null ? window.demotedPosition() : phases.demotedPosition(p.id());
    }

    @Override
    public String bypassWriters(Side side) {
        try {
            List<String> accounts = p.on(server(side), (c, d) -> MysqlServer.bypassAccounts(c, d,
                    List.of(p.config().rds().user(), p.config().polardb().user(), p.config().replication().user())));
            return String.join(", ", accounts);
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public Duration catchUpTimeout() {
        return p.config().catchUpTimeout();
    }
}
