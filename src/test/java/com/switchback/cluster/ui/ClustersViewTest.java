package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByKey;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.cluster.ClusterSummary;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ClustersViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired com.switchback.migration.MigrationEvents events;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD", "AUDITOR", "ADMIN"})
    void everyRoleSeesTheFleetOnTheStartPage(String role) {
        login("someone", role);
        UI.getCurrent().navigate("");
        ClustersView view = _get(ClustersView.class);
        assertThat(_size(view.grid.getDataProvider(), null)).isGreaterThanOrEqualTo(60);
        ClusterSummary first = _get(view.grid, 0);
        assertThat(first.id()).startsWith("pc-");
    }

    @Test
    void aUserWithoutARoleIsNotShownTheClusters() {
        login("nobody");
        assertAccessDenied("clusters", ClustersView.class);
    }

    @Test
    void theSearchFiltersByIdOrDescriptionInSql() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 4);
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        _setValue(view.search, id.substring(3).toUpperCase());
        assertThat(_fetch(view.grid, 0, 100)).extracting(ClusterSummary::id).containsExactly(id);

        _setValue(view.search, "Test cluster " + id);
        assertThat(_fetch(view.grid, 0, 100)).extracting(ClusterSummary::id).containsExactly(id);
    }

    @Test
    void hostileOrOversizeSearchTextFindsNothingAndBreaksNothing() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        for (String text : List.of("%", "_", "' or 1=1 --", "\\", "x".repeat(10_000), "<script>alert(1)</script>")) {
            _setValue(view.search, text);
            assertThat(_fetch(view.grid, 0, 100)).as(text.substring(0, Math.min(20, text.length()))).isEmpty();
        }
    }

    @Test
    void theStatusFilterShowsOnlyThatStatusIncludingUnknownOnes() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        assertThat(view.statusFilter.getListDataView().getItems()).contains("ROLLBACK", "PRECHECK_FAILED");

        _setValue(view.statusFilter, "ROLLBACK");
        List<ClusterSummary> rows = _fetch(view.grid, 0, 500);
        assertThat(rows).isNotEmpty().allMatch(r -> r.migrationStatus().equals("ROLLBACK"));

        _setValue(view.statusFilter, "PRECHECK_FAILED");
        assertThat(_fetch(view.grid, 0, 500)).isNotEmpty().allMatch(r -> r.migrationStatus().equals("PRECHECK_FAILED"));
    }

    @Test
    void sortingByLatencyHappensInTheQuery() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        _sortByKey(view.grid, "latency", SortDirection.DESCENDING);
        List<ClusterSummary> rows = _fetch(view.grid, 0, 500);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).delayedSeconds()).isLessThanOrEqualTo(rows.get(i - 1).delayedSeconds());
        }
        assertThat(rows.get(0).delayedSeconds()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aChangedClusterIsRedrawnInPlaceAndAReorderingChangeRedrawsTheList() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false); // drawn, as a browser would have it
        ClusterSummary first = _get(view.grid, 0);
        var keys = view.grid.getDataCommunicator().getKeyMapper();
        String key = keys.key(first);

        setLatency(first.id(), 4321);
        // In the list's own order (by id) the row is replaced where it is, under the same key.
        assertThat(keys.get(key).delayedSeconds()).isEqualTo(4321);
        assertThat(keys.get(key).id()).isEqualTo(first.id());

        // Ordered by latency, a change can move rows: the list is drawn again, in the new order.
        _sortByKey(view.grid, "latency", SortDirection.DESCENDING);
        setLatency(first.id(), 987_654);
        assertThat(_get(view.grid, 0).id()).isEqualTo(first.id());
        setLatency(first.id(), first.delayedSeconds());
    }

    /** A committed change of a cluster's latency, delivered to the open page as the migration service does. */
    private void setLatency(String clusterId, int seconds) {
        jdbc.sql("update migration set delayed_seconds = :s where cluster_id = :id").param("s", seconds)
                .param("id", clusterId).update();
        events.publish(clusterId);
        events.flush();
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
    }

    @Test
    void clickingARowOpensTheCluster() {
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        String id = _get(view.grid, 0).id();
        _clickItem(view.grid, 0);
        assertThat(_get(H2.class, spec -> spec.withText(id))).isNotNull();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("clusters/" + id);
    }

    @Test
    void searchStatusAndSortLiveInTheAddressSoBackAndSharedLinksKeepThem() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 4);
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters", com.vaadin.flow.router.QueryParameters.fromString(
                "q=" + id + "&status=RDS2POLARDB_SYNCING&sort=latency.desc"));
        ClustersView view = _get(ClustersView.class);
        assertThat(view.search.getValue()).isEqualTo(id);
        assertThat(view.statusFilter.getValue()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(view.grid.getSortOrder()).singleElement().satisfies(o -> {
            assertThat(o.getSorted().getKey()).isEqualTo("latency");
            assertThat(o.getDirection()).isEqualTo(SortDirection.DESCENDING);
        });
        assertThat(_fetch(view.grid, 0, 100)).extracting(ClusterSummary::id).containsExactly(id);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(view.count.getText()).matches("1 of \\d+ clusters");

        _setValue(view.search, "");
        _sortByKey(view.grid, "window", SortDirection.ASCENDING);
        assertThat(view.state.query().getParameters())
                .isEqualTo(java.util.Map.of("status", List.of("RDS2POLARDB_SYNCING"), "sort", List.of("window")));
        // The cluster page's way back is the list as it was left.
        UI.getCurrent().navigate("clusters/" + id);
        String back = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("← All clusters")).getHref();
        assertThat(back).startsWith("clusters?");
        assertThat(com.vaadin.flow.router.QueryParameters.fromString(back.substring("clusters?".length())))
                .isEqualTo(view.state.query());
    }

    @Test
    void aHandEditedAddressIsIgnoredNotAnError() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters", com.vaadin.flow.router.QueryParameters.fromString(
                "sort=nosuchcolumn.desc&q=" + "x".repeat(300)));
        ClustersView view = _get(ClustersView.class);
        assertThat(view.grid.getSortOrder()).isEmpty();
        assertThat(view.search.getValue()).isEmpty();
        assertThat(_size(view.grid.getDataProvider(), null)).isGreaterThanOrEqualTo(60);
    }

    @Test
    void anEmptyResultSaysSoAndTheCountSaysHowMuchIsShown() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(view.count.getText()).matches("\\d+ clusters");
        _setValue(view.search, "no-such-cluster-anywhere");
        assertThat(_fetch(view.grid, 0, 50)).isEmpty();
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(view.count.getText()).matches("0 of \\d+ clusters");
        assertThat(view.grid.getEmptyStateText()).startsWith("No cluster matches this search and status.");
    }

    @Test
    void enterInTheStatusFilterPicksItsSingleMatchAndSaysWhenThereIsNone() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(view.statusFilter, "rolling back");
        assertThat(view.statusFilter.getValue()).isEqualTo("ROLLBACK");
        assertThat(view.statusFilter.isInvalid()).isFalse();

        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(view.statusFilter, "syncing");
        assertThat(view.statusFilter.getValue()).as("two match: nothing picked").isEqualTo("ROLLBACK");
        assertThat(view.statusFilter.isInvalid()).isTrue();
        assertThat(view.statusFilter.getErrorMessage()).endsWith("pick one from the list.");
        com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet(view.statusFilter, "<b>x</b>");
        assertThat(view.statusFilter.getErrorMessage()).isEqualTo("No migration status matches \u201c<b>x</b>\u201d.");
    }

    @Test
    void aNarrowScreenHidesTheColumnsThatMatterLessAndTheServerHearsOnlyOfCrossings() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        ClustersView view = _get(ClustersView.class);
        view.narrow(true);
        assertThat(view.grid.getColumnByKey("region").isVisible()).isFalse();
        assertThat(view.grid.getColumnByKey("migrationStatus").isVisible()).isTrue();
        view.narrow(false);
        assertThat(view.grid.getColumnByKey("region").isVisible()).isTrue();
        // The browser tells of crossings (a media query), not of every resize.
        var listeners = UI.getCurrent().getElement().getNode()
                .getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class);
        assertThat(listeners.getExpressions("window-resize")).isEmpty();
        assertThat(ClustersView.WATCH_WIDTH).contains("matchMedia");
    }
}
