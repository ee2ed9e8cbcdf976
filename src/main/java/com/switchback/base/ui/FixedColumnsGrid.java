package com.switchback.base.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Synchronize;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDragEndEvent;
import com.vaadin.flow.component.grid.dnd.GridDragStartEvent;
import com.vaadin.flow.data.renderer.Renderer;
import com.vaadin.flow.shared.Registration;

/**
 * A grid whose columns are laid out by the console alone: a person does not resize, freeze, realign
 * or reorder them. Flow's own grid listens for each of those changes in the browser (six listeners and
 * five event descriptions per column, kept for each open page); here none is registered, which took
 * about 33 KB from each open clusters list (docs/benchmarks.md, DD021). Nor does a person drag its rows,
 * so it does not listen for rows being dragged either. Everything else is Flow's grid. Every grid of the
 * console is one of these.
 */
public class FixedColumnsGrid<T> extends Grid<T> {

    /** Set once Flow's constructor is done: what it asks for is declined quietly, anything later loudly. */
    private final boolean constructed;

    public FixedColumnsGrid() {
        constructed = true;
    }

    /**
     * Flow's grid listens for the start and end of a row drag on every page (two listeners, one with an
     * event description) to remember the dragged rows; no row of the console can be dragged.
     */
    @Override
    public Registration addDragStartListener(ComponentEventListener<GridDragStartEvent<T>> listener) {
        return noDragging();
    }

    @Override
    public Registration addDragEndListener(ComponentEventListener<GridDragEndEvent<T>> listener) {
        return noDragging();
    }

    private Registration noDragging() {
        if (constructed) {
            // For the next engineer, not for the page.
            throw new UnsupportedOperationException("""
                    a FixedColumnsGrid's rows are not dragged; use Flow's Grid""");
        }
        return () -> { };
    }

    @Override
    @Synchronize(property = "columnReorderingAllowed", value = {})
    public boolean isColumnReorderingAllowed() {
        return super.isColumnReorderingAllowed();
    }

    @Override
    @Synchronize(property = "allRowsVisible", value = {})
    public boolean isAllRowsVisible() {
        return super.isAllRowsVisible();
    }

    @Override
    protected Column<T> createColumn(Renderer<T> renderer, String columnId) {
        return new FixedColumn<>(this, columnId, renderer);
    }

    /**
     * The column's properties, still set from the server, with no event to hear their changes from the
     * browser: an empty {@code @Synchronize} takes the place of the one the superclass declares.
     */
    public static class FixedColumn<T> extends Column<T> {

        FixedColumn(Grid<T> grid, String columnId, Renderer<T> renderer) {
            super(grid, columnId, renderer);
        }

        @Override
        @Synchronize(property = "width", value = {})
        public String getWidth() {
            return super.getWidth();
        }

        @Override
        @Synchronize(property = "flexGrow", value = {})
        public int getFlexGrow() {
            return super.getFlexGrow();
        }

        @Override
        @Synchronize(property = "resizable", value = {})
        public boolean isResizable() {
            return super.isResizable();
        }

        @Override
        @Synchronize(property = "frozen", value = {})
        public boolean isFrozen() {
            return super.isFrozen();
        }

        @Override
        @Synchronize(property = "frozenToEnd", value = {})
        public boolean isFrozenToEnd() {
            return super.isFrozenToEnd();
        }

        @Override
        @Synchronize(property = "textAlign", value = {})
        public ColumnTextAlign getTextAlign() {
            return super.getTextAlign();
        }
    }
}
