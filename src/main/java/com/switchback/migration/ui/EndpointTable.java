package com.switchback.migration.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.migration.Endpoint;
import com.switchback.migration.EndpointPicture;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** The endpoint picture in an action's dialog: each endpoint, where it routes now and after, and what to do. */
class EndpointTable extends Div {

    final Grid<EndpointPicture.Row> grid = new FixedColumnsGrid<>();
    final Paragraph advice = new Paragraph();
    private final MigrationSnapshot snapshot;
    private final MigrationAction action;

    EndpointTable(MigrationSnapshot snapshot, MigrationAction action) {
        this.snapshot = snapshot;
        this.action = action;
        addClassName("sb-endpoint-picture");
        setWidthFull();
        // Fits the dialog: the endpoint and its address in one wrapping column, the routes beside it.
        grid.addColumn(r -> Texts.label(r.endpoint().side()) + " · " + r.endpoint().endpointId() + " — "
                + r.endpoint().address() + " (" + r.endpoint().netType() + ")").setHeader(t("endpoints.endpoint")).setFlexGrow(1);
        grid.addColumn(r -> side(r.routesNow())).setHeader(t("endpoints.routesToNow")).setWidth("8em").setFlexGrow(0);
        grid.addColumn(r -> side(r.routesAfter())).setHeader(t("endpoints.routesToAfter")).setWidth("8em").setFlexGrow(0);
        grid.addColumn(r -> r.modeAfter() == null ? "—" : Texts.label(r.modeAfter()))
                .setHeader(t("endpoints.readWriteAfter")).setWidth("8em").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addClassName("sb-endpoint-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(grid, advice);
    }

    /** Shows the picture for the chosen endpoint option (null: not chosen yet, only where they route now). */
    void show(Boolean swap) {
        EndpointPicture picture = EndpointPicture.of(snapshot, action, Boolean.TRUE.equals(swap));
        grid.setItems(picture.rows());
        boolean chosen = swap != null || !action.hasEndpointOption();
        grid.getColumns().get(2).setVisible(chosen);
        grid.getColumns().get(3).setVisible(chosen);
        advice.setText(chosen ? picture.advice() : t("endpoints.chooseWhetherTheEndpoints"));
        advice.setClassName("sb-banner", chosen);
        advice.setClassName("sb-banner-warning", chosen && action.hasEndpointOption() && !Boolean.TRUE.equals(swap));
    }

    private static String side(Endpoint.Side side) {
        return side == null ? "unknown" : Texts.label(side);
    }
}
