package com.switchback.migration;

import com.switchback.migration.Endpoint.Side;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an action does to each endpoint, for the dialog that asks for it: where each routes now,
 * where it will route after, read/write there after, and one line on what the application must do.
 * Computed from the backend's routing (not from the endpoints' names).
 */
public record EndpointPicture(List<Row> rows, String advice) {

    /** One endpoint; {@code routesNow} / {@code routesAfter} are null where the routing is not known. */
    public record Row(Endpoint endpoint, Side routesNow, Side routesAfter, ReadWriteMode modeAfter) {
    }

    public static EndpointPicture of(MigrationSnapshot s, MigrationAction action, boolean swap) {
        boolean moves = swap && action.hasEndpointOption();
        Side writerAfter = writerAfter(action);
        List<Row> rows = s.endpoints().stream().map(e -> {
            Side after = e.routesTo() == null ? null : moves ? other(e.routesTo()) : e.routesTo();
            ReadWriteMode mode = after == null ? null : modeAfter(action, after);
            return new Row(e, e.routesTo(), after, mode);
        }).toList();
        return new EndpointPicture(rows, advice(action, moves, writerAfter, rows));
    }

    /** The side that writes once the action is done; for Cancel both do (they are no longer linked). */
    private static Side writerAfter(MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER, COMPLETE -> Side.POLARDB;
            case ROLL_BACK, CANCEL -> Side.RDS;
            case REPAIR -> null;
        };
    }

    private static ReadWriteMode modeAfter(MigrationAction action, Side side) {
        return switch (action) {
            case SWITCH_OVER, COMPLETE -> side == Side.POLARDB ? ReadWriteMode.rw : ReadWriteMode.ro;
            case ROLL_BACK -> side == Side.RDS ? ReadWriteMode.rw : ReadWriteMode.ro;
            case CANCEL -> ReadWriteMode.rw;
            case REPAIR -> null;
        };
    }

    private static String advice(MigrationAction action, boolean moves, Side writerAfter, List<Row> rows) {
        if (writerAfter == null) {
            return "";
        }
        String reachWriter = rows.stream().filter(r -> r.routesAfter() == writerAfter)
                .map(r -> r.endpoint().address()).collect(Collectors.joining(", "));
        String writer = writerAfter.label();
        if (action == MigrationAction.CANCEL) {
            return "No endpoint moves. Keep writing to the source RDS instance" + (reachWriter.isEmpty() ? "."
                    : " (" + reachWriter + ")") + "; the PolarDB cluster becomes an independent copy.";
        }
        if (action == MigrationAction.COMPLETE) {
            return "No endpoint moves. Keep writing through " + (reachWriter.isEmpty() ? "PolarDB's endpoint" : reachWriter) + ".";
        }
        if (moves) {
            return "Nothing to change in the application: the endpoint it writes through will reach " + writer
                    + " once the endpoints are swapped; its connections are closed once and must reconnect.";
        }
        return "Change the application's connection string to " + (reachWriter.isEmpty() ? writer + "'s endpoint"
                : reachWriter) + " as soon as " + writer + " shows Read/Write: writes fail from the moment the other "
                + "side becomes read-only until the application is re-pointed.";
    }

    private static Side other(Side side) {
        return side == Side.RDS ? Side.POLARDB : Side.RDS;
    }
}
