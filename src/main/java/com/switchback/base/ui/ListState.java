package com.switchback.base.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list's search, filters and sort, kept in the page's address: Back, a reload or a shared link
 * shows the same list. Each view binds its fields by name; a change by the user rewrites the
 * address in place (no new history entry per keystroke), and entering the view restores them.
 * A value that does not parse (a hand-edited address) is dropped, never an error page.
 */
public final class ListState {

    /** The longest value read from an address: filters are short, an address is not a store. */
    private static final int MAX_VALUE = 200;

    private record Binding<T>(HasValue<?, T> field, Function<T, String> write, Function<String, T> read) {

        String written() {
            T v = field.getValue();
            return v == null || field.isEmpty() ? null : write.apply(v);
        }

        void restore(String text) {
            T v = null;
            if (text != null && !text.isBlank() && text.length() <= MAX_VALUE) {
                try {
                    v = read.apply(text);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    v = null;
                }
            }
            if (v == null) {
                field.clear();
            } else {
                field.setValue(v);
            }
        }
    }

    private final String listPath;
    private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
    private Grid<?> sortedGrid;
    private boolean restoring;
    private Runnable onChange = () -> { };
    private String itemPath;

    /** @param listPath the list's route, e.g. {@code "requests"}: where its state is remembered */
    public ListState(String listPath) {
        this.listPath = listPath;
    }

    public ListState text(String name, HasValue<?, String> field) {
        return bind(name, field, s -> s.strip(), s -> s);
    }

    public <E extends Enum<E>> ListState choice(String name, HasValue<?, E> field, Class<E> type) {
        return bind(name, field, Enum::name, s -> Enum.valueOf(type, s));
    }

    public ListState dateTime(String name, HasValue<?, LocalDateTime> field) {
        return bind(name, field, LocalDateTime::toString, LocalDateTime::parse);
    }

    public <T> ListState bind(String name, HasValue<?, T> field, Function<T, String> write, Function<String, T> read) {
        bindings.put(name, new Binding<>(field, write, read));
        field.addValueChangeListener(e -> changed());
        return this;
    }

    /** The grid's sort as {@code sort=key} or {@code sort=key.desc}; only columns with a key can be named. */
    public ListState sort(Grid<?> grid) {
        this.sortedGrid = grid;
        grid.addSortListener(e -> changed());
        return this;
    }

    /** Called after the user changed a filter or the sort (not while the address is being restored). */
    public ListState onChange(Runnable onChange) {
        this.onChange = onChange;
        return this;
    }

    /** Sets every bound field and the sort from the address; fires no change of its own. */
    public void restore(QueryParameters query) {
        restoring = true;
        try {
            Map<String, List<String>> params = query.getParameters();
            bindings.forEach((name, b) -> b.restore(first(params, name)));
            if (sortedGrid != null) {
                restoreSort(sortedGrid, first(params, "sort"));
            }
        } finally {
            restoring = false;
        }
        remember();
    }

    /** The address's query for the current state: only fields that hold a value. */
    public QueryParameters query() {
        Map<String, String> values = new LinkedHashMap<>();
        bindings.forEach((name, b) -> {
            String v = b.written();
            if (v != null && !v.isEmpty()) {
                values.put(name, v);
            }
        });
        if (sortedGrid != null && !sortedGrid.getSortOrder().isEmpty()) {
            GridSortOrder<?> o = sortedGrid.getSortOrder().getFirst();
            if (o.getSorted().getKey() != null) {
                values.put("sort", o.getSorted().getKey() + (o.getDirection() == SortDirection.DESCENDING ? ".desc" : ""));
            }
        }
        return QueryParameters.simple(values);
    }

    /** The list's address with its state, e.g. for a "← All clusters" link or a panel's close button. */
    public String listLocation() {
        return new Location(listPath, query()).getPathWithQueryParameters();
    }

    /** Opens one item of the list, keeping the list's state in the address. */
    public void navigateToItem(Object id) {
        UI.getCurrent().navigate(listPath + "/" + id, query());
    }

    /** Back to the list alone, as it is filtered now. */
    public void navigateToList() {
        UI.getCurrent().navigate(listPath, query());
    }

    /** Which item the address shows now ({@code null}: the list alone); kept when a filter changes. */
    public void showingItem(Object id) {
        this.itemPath = id == null ? null : listPath + "/" + id;
    }

    /** The last state of {@code listPath} in this browser session, for links back to it from elsewhere. */
    public static String remembered(String listPath) {
        VaadinSession session = VaadinSession.getCurrent();
        Object saved = session == null ? null : session.getAttribute(key(listPath));
        return saved instanceof String s ? s : listPath;
    }

    private void changed() {
        if (restoring) {
            return;
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().getHistory().replaceState(null, new Location(itemPath != null ? itemPath : listPath, query()));
        }
        remember();
        onChange.run();
    }

    private void remember() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(key(listPath), listLocation());
        }
    }

    private static String key(String listPath) {
        return ListState.class.getName() + "." + listPath;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void restoreSort(Grid grid, String text) {
        List<GridSortOrder> orders = new ArrayList<>();
        if (text != null && text.length() <= MAX_VALUE) {
            boolean desc = text.endsWith(".desc");
            String key = desc ? text.substring(0, text.length() - ".desc".length()) : text;
            Grid.Column column = grid.getColumnByKey(key);
            if (column != null && column.isSortable()) {
                orders.add(new GridSortOrder(column, desc ? SortDirection.DESCENDING : SortDirection.ASCENDING));
            }
        }
        if (!orders.equals(grid.getSortOrder())) {
            grid.sort(orders);
        }
    }
}
