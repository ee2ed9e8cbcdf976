package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;

/**
 * A list whose items each have an address ({@code /requests/12}, {@code /audit/42}): opening one
 * shows its details in a panel beside the list, which keeps its height, its filters and its scroll
 * position; the item's row stays selected. Clicking a row or following a link opens the item;
 * Close returns to the list alone. The view is reused across these addresses, so nothing is lost.
 */
public abstract class ListWithPanel<T> extends VerticalLayout {

    /** The key of the column that holds each row's link (an anchor to the item's address). */
    public static final String LINK_COLUMN = "link";

    public final Grid<T> grid = new FixedColumnsGrid<>();
    private final FlexLayout filters = new FlexLayout();
    private final Div side = new Div();
    private ListState state;

    protected ListWithPanel() {
        setSizeFull();
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.addClassName("sb-filters");
    }

    /** Which item a row is: the last part of its address. */
    protected abstract Object idOf(T item);

    protected void filters(Component... fields) {
        filters.add(fields);
    }

    /** Puts heading, filters, list and panel in place; {@code state} knows the list's address. */
    protected void layOut(Component heading, Component panel, ListState state) {
        this.state = state;
        Button close = new Button(t("common.close"), e -> state.navigateToList());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClassName("sb-panel-close");
        side.add(close, panel);
        side.addClassName("sb-side-panel");
        side.setVisible(false);
        grid.addClassName("sb-list");
        grid.setHeightFull();
        grid.addItemClickListener(e -> {
            // The link column's anchor navigates by itself; a second navigation would add a history entry.
            if (e.getColumn() == null || !LINK_COLUMN.equals(e.getColumn().getKey())) {
                state.navigateToItem(idOf(e.getItem()));
            }
        });
        HorizontalLayout body = new HorizontalLayout(grid, side);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        body.addClassName("sb-list-body");
        add(heading, filters, body);
        setFlexGrow(1, body);
    }

    /**
     * Shows item {@code id} (or the list alone for {@code null}): {@code show} draws the panel,
     * {@code find} reads the item so its row can be marked (null when there is no such item).
     */
    protected void open(Object id, Runnable show, Supplier<T> find) {
        state.showingItem(id);
        side.setVisible(id != null);
        if (id == null) {
            grid.deselectAll();
            return;
        }
        show.run();
        T item = find.get();
        if (item == null) {
            grid.deselectAll();
        } else {
            grid.select(item);
        }
    }
}
