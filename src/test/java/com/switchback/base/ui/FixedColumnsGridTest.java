package com.switchback.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's grids hear nothing of their columns' layout from the browser (Flow's grid listens for
 * six changes per column) and still set that layout from the server.
 */
class FixedColumnsGridTest {

    private static final List<String> LAYOUT = List.of("width", "flexGrow", "resizable", "frozen", "frozenToEnd", "textAlign");

    @Test
    void noColumnListensForItsLayoutWhateverWayItWasAdded() {
        Grid<String> grid = new FixedColumnsGrid<>();
        List<Grid.Column<String>> columns = List.of(grid.addColumn(s -> s), grid.addColumn(LitRenderer.of("${item.x}")),
                grid.addColumn(s -> s.length(), "length"));
        for (Grid.Column<String> column : columns) {
            assertThat(column).isInstanceOf(FixedColumnsGrid.FixedColumn.class);
            for (String property : LAYOUT) {
                assertThat(listeners(column).getPropertySynchronizationMode(property)).as(property).isNull();
            }
        }
    }

    @Test
    void norDoesTheGridForItsOwnLayout() {
        Grid<String> grid = new FixedColumnsGrid<>();
        grid.setAllRowsVisible(true);
        ElementListenerMap listeners = grid.getElement().getNode().getFeature(ElementListenerMap.class);
        assertThat(listeners.getPropertySynchronizationMode("columnReorderingAllowed")).isNull();
        assertThat(listeners.getPropertySynchronizationMode("allRowsVisible")).isNull();
        assertThat(new Grid<String>().getElement().getNode().getFeature(ElementListenerMap.class)
                .getPropertySynchronizationMode("allRowsVisible")).isNotNull();
        assertThat(grid.isAllRowsVisible()).isTrue();
    }

    @Test
    void nothingListensForRowsBeingDraggedAndAskingToIsRefused() {
        ElementListenerMap listeners = new FixedColumnsGrid<String>().getElement().getNode().getFeature(ElementListenerMap.class);
        assertThat(listeners.getExpressions("grid-dragstart")).isEmpty();
        assertThat(new Grid<String>().getElement().getNode().getFeature(ElementListenerMap.class)
                .getExpressions("grid-dragstart")).as("Flow's own grid does listen").isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FixedColumnsGrid<String>().addDragStartListener(e -> { }))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void flowsOwnGridDoesListenSoTheCheckAboveCanFail() {
        Grid.Column<String> column = new Grid<String>().addColumn(s -> s);
        for (String property : LAYOUT) {
            assertThat(listeners(column).getPropertySynchronizationMode(property)).as(property).isNotNull();
        }
    }

    @Test
    void theLayoutIsStillSetFromTheServer() {
        Grid.Column<String> column = new FixedColumnsGrid<String>().addColumn(s -> s)
                .setWidth("12em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozen(true);
        assertThat(column.getWidth()).isEqualTo("12em");
        assertThat(column.getFlexGrow()).isZero();
        assertThat(column.getTextAlign()).isEqualTo(ColumnTextAlign.END);
        assertThat(column.isFrozen()).isTrue();
        assertThat(column.getElement().getProperty("textAlign")).isEqualTo("end");
    }

    private static ElementListenerMap listeners(Grid.Column<String> column) {
        return column.getElement().getNode().getFeature(ElementListenerMap.class);
    }
}
