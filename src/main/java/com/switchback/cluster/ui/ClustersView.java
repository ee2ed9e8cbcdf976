package com.switchback.cluster.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.Formats;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.cluster.ClusterFilter;
import com.switchback.cluster.ClusterService;
import com.switchback.cluster.ClusterSort;
import com.switchback.cluster.ClusterSummary;
import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.MigrationWindow;
import java.time.Instant;
import com.switchback.base.ui.LiveHub;
import com.switchback.base.AppRoles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.switchback.base.ui.ListState;
import com.switchback.base.ui.ResultCount;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The start page: every cluster and its migration, paged, filtered and sorted in SQL, updated live. */
@Route("clusters")
@RouteAlias("")
@Menu(title = "clusters.clusters", order = 0, icon = "vaadin:database")
@RolesAllowed({AppRoles.DBA, AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class ClustersView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("clusters.clusters");
    }

    final Grid<ClusterSummary> grid = new FixedColumnsGrid<>();
    final TextField search = new TextField();
    final ComboBox<String> statusFilter = new ComboBox<>();
    final ResultCount count = new ResultCount("count.cluster");
    /** Search, status and sort, kept in the address (Back and shared links keep them). */
    final ListState state = new ListState("clusters");
    /** The window's urgency as a style: warning under 24 h, danger under 2 h. */
    static String windowClass(Instant expires) {
        return switch (MigrationWindow.urgency(expires, Instant.now())) {
            case WARNING -> "sb-window-warning";
            case DANGER, EXPIRED -> "sb-window-danger";
            case NONE -> "";
        };
    }

    private final ClusterService clusters;

    public ClustersView(ClusterService clusters, MigrationEvents events) {
        this.clusters = clusters;
        setSizeFull();

        search.setPlaceholder(t("clusters.clusterIdOrDescription"));
        search.setLabel(t("clusters.search"));
        search.setClearButtonVisible(true);
        search.setMaxLength(ClusterFilter.MAX_TEXT);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        statusFilter.setLabel(t("clusters.migrationStatus"));
        statusFilter.setPlaceholder(t("clusters.any"));
        statusFilter.setClearButtonVisible(true);
        statusFilter.setItems(statusChoices());
        statusFilter.setItemLabelGenerator(s -> s + " — " + t(MigrationStatus.labelKey(s)));
        statusFilter.setWidth("min(24em, 100%)");
        // Typing part of a status and pressing Enter picks it when exactly one matches.
        statusFilter.setAllowCustomValue(true);
        statusFilter.addCustomValueSetListener(e -> pickStatus(e.getDetail()));
        statusFilter.addValueChangeListener(e -> statusFilter.setInvalid(false));

        // Each id carries its backend: a simulated cluster must never pass for a real one.
        // A real link: a middle-click opens the cluster in a new tab.
        grid.addColumn(LitRenderer.<ClusterSummary>of("""
                        <a href="clusters/${item.id}" router-link>${item.id}</a>&nbsp;<span theme="${item.theme}" title="Backend">${item.backend}</span>""")
                        .withProperty("id", ClusterSummary::id)
                        .withProperty("backend", ClusterSummary::backend)
                        .withProperty("theme", c -> "simulated".equals(c.backend()) ? "badge contrast small" : "badge small"))
                .setHeader(t("clusters.cluster")).setKey("id")
                .setSortProperty(ClusterSort.ID.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClusterSummary::description).setHeader(t("clusters.description"))
                .setKey("description").setSortProperty(ClusterSort.DESCRIPTION.name()).setWidth("6em").setFlexGrow(1); // grows on wider screens; at 1366 px the decisive columns come first
        // Lit renderers: rows cost no server-side components (interpolated text is escaped).
        grid.addColumn(LitRenderer.<ClusterSummary>of("""
                        <span class="sb-raw">${item.raw}</span>&nbsp;<span theme="${item.theme}">${item.label}</span>""")
                        .withProperty("raw", ClusterSummary::migrationStatus)
                        .withProperty("label", c -> t(MigrationStatus.labelKey(c.migrationStatus())))
                        .withProperty("theme", c -> MigrationStatus.parse(c.migrationStatus()).isPresent()
                                ? "badge" : "badge error"))
                .setHeader(t("clusters.migrationStatus")).setKey("migrationStatus")
                .setSortProperty(ClusterSort.MIGRATION_STATUS.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<ClusterSummary>of("""
                        <span class="${item.cls}" title="${item.title}">${item.text}</span>""")
                        .withProperty("text", c -> com.switchback.migration.ui.Said.latency(c.delayedSeconds()) + (c.hasException() ? " ⚠" : ""))
                        .withProperty("cls", c -> c.delayedSeconds() >= ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS
                                ? "sb-latency-high" : "")
                        .withProperty("title", c -> c.hasException() ? t("clusters.thisMigrationReportsAn") : ""))
                .setHeader(t("clusters.replicationLatency"))
                .setKey("latency").setSortProperty(ClusterSort.LATENCY.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<ClusterSummary>of("""
                        <span class="${item.cls}" title="${item.title}">${item.text}</span>""")
                        .withProperty("text", c -> com.switchback.migration.ui.Said.remaining(c.expiredTime(), Instant.now()))
                        .withProperty("cls", c -> windowClass(c.expiredTime()))
                        .withProperty("title", c -> Formats.utc(c.expiredTime())))
                .setHeader(t("clusters.window")).setKey("window").setSortProperty(ClusterSort.WINDOW.name())
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClusterSummary::clusterStatus).setHeader(t("clusters.clusterStatus"))
                .setKey("clusterStatus").setSortProperty(ClusterSort.CLUSTER_STATUS.name()).setAutoWidth(true).setFlexGrow(0);
        // Last: what people decide on comes first and fits 1366 px; region and engine may scroll out of view.
        grid.addColumn(ClusterSummary::region).setHeader(t("clusters.region")).setKey("region")
                .setSortProperty(ClusterSort.REGION.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClusterSummary::engineVersion).setHeader(t("clusters.engine")).setKey("engine")
                .setSortProperty(ClusterSort.ENGINE.name()).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> clusters.shownPage(filter(), sortOf(query.getSortOrders()), query.getOffset(),
                        query.getLimit()).stream(),
                query -> counted(filter()));
        // A row is the same cluster whatever its values: a changed row replaces it in place.
        grid.getDataCommunicator().getKeyMapper().setIdentifierGetter(ClusterSummary::id);
        grid.setEmptyStateText(t("clusters.noClusterMatchesThis"));
        grid.addItemClickListener(e -> {
            // The id's anchor navigates by itself; a second navigation would add a history entry.
            if (e.getColumn() == null || !"id".equals(e.getColumn().getKey())) {
                ClusterNavigation.navigateToCluster(e.getItem().id());
            }
        });
        grid.setSizeFull();

        state.text("q", search).bind("status", statusFilter, v -> v, v -> v).sort(grid)
                .onChange(() -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(search, statusFilter, count);
        filters.addClassName("sb-filters");
        filters.getStyle().set("flex-wrap", "wrap");
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2(t("clusters.clusters")), filters, grid);
        showProblems();
        LiveHub.whileAttached(this, events, changed -> {
            if (!refreshRows(changed)) {
                grid.getDataProvider().refreshAll();
            }
            showProblems();
        });
    }

    /** The backends' problems, above the filters; made when the first shows (most pages never have one). */
    Div problems;

    /** A region or account that cannot be reached is said, not hidden behind a shorter list. */
    private void showProblems() {
        List<String> found = clusters.backendProblems();
        if (problems == null) {
            if (found.isEmpty()) {
                return;
            }
            problems = new Div();
            problems.addClassNames("sb-banner", "sb-banner-error");
            addComponentAtIndex(1, problems);
        }
        problems.setText(String.join(" ", found));
        problems.setVisible(!found.isEmpty());
    }

    /** Below this width (a phone) the list keeps what people decide on: cluster, migration status, latency. */
    static final int NARROW = 600;

    /**
     * On a narrow screen, the columns that matter less give way; they come back when it widens. Called by
     * the browser when the page first shows and whenever its width crosses {@link #NARROW}.
     */
    @com.vaadin.flow.component.ClientCallable
    void narrow(boolean narrow) {
        for (String key : new String[] {"description", "region", "engine", "window", "clusterStatus"}) {
            var column = grid.getColumnByKey(key);
            // Only a real change redraws the columns: a click on a row while they are redrawn could be lost.
            if (column.isVisible() == narrow) {
                column.setVisible(!narrow);
            }
        }
    }

    /**
     * The browser says whether the page is narrow, and again only when that changes: a media query
     * rather than a listener for every resize, which each open page would keep on the server (DD021).
     * The query forgets the page once the list has left it.
     */
    static final String WATCH_WIDTH = """
            const list = $0;
            const query = matchMedia('(max-width: ' + ($1 - 1) + 'px)');
            const tell = () => {
              if (!list.isConnected) { query.removeEventListener('change', tell); return; }
              list.$server.narrow(query.matches);
            };
            query.addEventListener('change', tell);
            tell();""";

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().executeJs(WATCH_WIDTH, getElement(), NARROW);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state.restore(event.getLocation().getQueryParameters());
        grid.getDataProvider().refreshAll();
    }

    private ClusterFilter filter() {
        return new ClusterFilter(search.getValue(), statusFilter.getValue());
    }

    /**
     * Sends only the changed clusters' rows, where nothing else on the list can have moved: no filter,
     * an order by values the migration service does not change, as many clusters as before. A full
     * refresh re-sends every row the page holds to every open list, and the page's connection keeps
     * its last message (DD020).
     */
    private boolean refreshRows(java.util.Set<String> changed) {
        boolean liveOrder = sortOf(grid.getSortOrder().stream()
                .flatMap(o -> o.getSorted().getSortOrder(o.getDirection())).toList())
                .stream().anyMatch(o -> o.by().live());
        // Many at once (every migration re-announced after a lost connection): the whole list, in one read.
        if (changed.size() > MAX_ROWS_REDRAWN || !filter().equals(ClusterFilter.NONE) || liveOrder
                || clusters.shownCount(ClusterFilter.NONE) != lastCount) {
            return false;
        }
        clusters.shownRows(changed).forEach(row -> grid.getDataProvider().refreshItem(row));
        return true;
    }

    /** More changed clusters than this in one delivery redraw the whole list. */
    static final int MAX_ROWS_REDRAWN = 100;

    /** How many clusters the list counted when it last drew its rows. */
    private int lastCount = -1;

    /** Counts what the filter shows and, when something is filtered, the whole fleet beside it. */
    private int counted(ClusterFilter f) {
        int shown = clusters.shownCount(f);
        if (f.equals(ClusterFilter.NONE)) {
            lastCount = shown;
        }
        count.show(shown, f.equals(ClusterFilter.NONE) ? shown : clusters.shownCount(ClusterFilter.NONE));
        return shown;
    }

    /** Enter on typed text: the one status it matches (raw value or label), or a message on the field. */
    void pickStatus(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> matches = statusChoices().stream()
                .filter(s -> (s + " — " + t(MigrationStatus.labelKey(s))).toLowerCase(java.util.Locale.ROOT).contains(t))
                .toList();
        if (matches.size() == 1) {
            statusFilter.setValue(matches.getFirst());
            return;
        }
        statusFilter.setErrorMessage(matches.isEmpty() ? t("clusters.noStatusMatches", typed.strip())
                : t("clusters.statusesMatch", matches.size(), typed.strip()));
        statusFilter.setInvalid(true);
    }

    private List<String> statusChoices() {
        var known = java.util.Arrays.stream(MigrationStatus.values()).map(Enum::name);
        var seen = clusters.statuses().stream();
        return java.util.stream.Stream.concat(known, seen).distinct().toList();
    }

    private static List<ClusterSort.Order> sortOf(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return orders.stream()
                .map(o -> new ClusterSort.Order(ClusterSort.valueOf(o.getSorted()),
                        o.getDirection() == SortDirection.DESCENDING))
                .toList();
    }

}
