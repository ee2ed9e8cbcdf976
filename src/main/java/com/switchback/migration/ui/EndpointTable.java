package com.switchback.migration.ui;

import com.switchback.migration.Endpoint;
import com.switchback.migration.EndpointPicture;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.ReadWriteMode;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** The endpoint picture in an action's dialog: each endpoint, where it routes now and after, and what to do. */
class EndpointTable extends Div {

    final Grid<EndpointPicture.Row> grid = new Grid<>();
    final Paragraph advice = new Paragraph();
    private final MigrationSnapshot snapshot;
    private final MigrationAction action;

    EndpointTable(MigrationSnapshot snapshot, MigrationAction action) {
        this.snapshot = snapshot;
        this.action = action;
        addClassName("sb-endpoint-picture");
        grid.addColumn(r -> r.endpoint().side().label() + " · " + r.endpoint().endpointId()).setHeader("Endpoint")
                .setAutoWidth(true);
        grid.addColumn(r -> r.endpoint().address()).setHeader("Connection string").setAutoWidth(true);
        grid.addColumn(r -> r.endpoint().netType()).setHeader("Network").setAutoWidth(true);
        grid.addColumn(r -> side(r.routesNow())).setHeader("Routes to now").setAutoWidth(true);
        grid.addColumn(r -> side(r.routesAfter())).setHeader("Routes to after").setAutoWidth(true);
        grid.addColumn(r -> r.modeAfter() == null ? "—" : ReadWriteMode.labelOf(r.modeAfter()))
                .setHeader("Read/Write after").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addClassName("sb-endpoint-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid, advice);
    }

    /** Shows the picture for the chosen endpoint option (null: not chosen yet, only where they route now). */
    void show(Boolean swap) {
        EndpointPicture picture = EndpointPicture.of(snapshot, action, Boolean.TRUE.equals(swap));
        grid.setItems(picture.rows());
        boolean chosen = swap != null || !action.hasEndpointOption();
        grid.getColumns().get(4).setVisible(chosen);
        grid.getColumns().get(5).setVisible(chosen);
        advice.setText(chosen ? picture.advice() : "Choose whether the endpoints move to see where each will route.");
        advice.setClassName("sb-banner", chosen);
        advice.setClassName("sb-banner-warning", chosen && action.hasEndpointOption() && !Boolean.TRUE.equals(swap));
    }

    private static String side(Endpoint.Side side) {
        return side == null ? "unknown" : side.label();
    }
}
