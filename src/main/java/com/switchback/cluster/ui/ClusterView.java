package com.switchback.cluster.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.Facts;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.cluster.Cluster;
import com.switchback.cluster.ClusterService;
import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationOverview;
import com.switchback.migration.MigrationService;
import com.switchback.migration.ui.RdsMigrationSection;
import com.switchback.base.AppRoles;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** One cluster: Basic Information and the RDS Migration section. */
@Route("clusters/:id")
@RolesAllowed({AppRoles.DBA, AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class ClusterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final ClusterService clusters;
    private final MigrationService migrations;
    private final MigrationEvents events;
    private final AuthenticationContext auth;
    private final Grid<Endpoint> endpoints = new FixedColumnsGrid<>();
    private java.util.List<Endpoint> shownEndpoints = java.util.List.of();
    private String title = "";

    private final com.switchback.verification.VerificationService verifications;
    private final com.switchback.migration.freeze.FreezeService freezes;

    public ClusterView(ClusterService clusters, MigrationService migrations, MigrationEvents events,
                       AuthenticationContext auth, com.switchback.verification.VerificationService verifications,
                       com.switchback.migration.freeze.FreezeService freezes) {
        this.verifications = verifications;
        this.freezes = freezes;
        this.clusters = clusters;
        this.migrations = migrations;
        this.events = events;
        this.auth = auth;
        endpoints.addColumn(e -> Texts.label(e.side())).setHeader(t("cluster.side")).setAutoWidth(true);
        endpoints.addColumn(Endpoint::endpointId).setHeader(t("cluster.endpoint")).setAutoWidth(true);
        endpoints.addColumn(Endpoint::type).setHeader(t("cluster.type")).setAutoWidth(true);
        endpoints.addColumn(Endpoint::connectionString).setHeader(t("cluster.connectionString")).setAutoWidth(true).setFlexGrow(1);
        endpoints.addColumn(Endpoint::port).setHeader(t("cluster.port")).setAutoWidth(true);
        // Where it routes now, as read from the backend: after a swap it is the other side.
        endpoints.addColumn(e -> e.routesTo() == null ? t("common.unknown") : Texts.label(e.routesTo())).setHeader(t("cluster.routesTo"))
                .setAutoWidth(true);
        endpoints.addColumn(Endpoint::netType).setHeader(t("cluster.network")).setAutoWidth(true);
        endpoints.setAllRowsVisible(true);
        endpoints.addThemeVariants(GridVariant.LUMO_COMPACT);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get(ID).orElse("");
        var cluster = clusters.find(id);
        var overview = cluster.flatMap(c -> migrations.overview(c.id()));
        if (cluster.isEmpty() || overview.isEmpty()) {
            showNotFound(id);
            return;
        }
        show(cluster.get(), overview.get());
    }

    private void showNotFound(String id) {
        title = com.switchback.base.ui.Titles.page("cluster.clusterNotFound");
        Paragraph text = new Paragraph(t("cluster.noSuchCluster", id));
        add(new H2(t("cluster.clusterNotFound")), text, new Anchor("clusters", t("cluster.backToAllClusters")));
    }

    private void show(Cluster cluster, MigrationOverview overview) {
        title = t("title.page", cluster.id());
        Span backend = new Span(overview.simulated() ? t("cluster.simulatedBackend") : t("cluster.backendIs", cluster.backend()));
        backend.getElement().getThemeList().add(overview.simulated() ? "badge contrast" : "badge");
        HorizontalLayout header = new HorizontalLayout(new H2(cluster.id()), backend);
        header.setAlignItems(Alignment.BASELINE);

        Facts facts = new Facts();
        facts.add(t("cluster.clusterId"), cluster.id());
        facts.add(t("cluster.description"), cluster.description());
        facts.add(t("cluster.region"), cluster.region());
        facts.add(t("cluster.engine"), cluster.engineVersion());
        facts.add(t("cluster.clusterStatus"), cluster.clusterStatus());
        facts.add(t("cluster.backend"), cluster.backend());
        Div basic = section(t("cluster.basicInformation"), facts, new H3(t("cluster.endpoints")), endpoints);
        showEndpoints(overview.snapshot().endpoints());

        RdsMigrationSection migration = new RdsMigrationSection(cluster.id(), migrations, events,
                CurrentUser.of(auth), freezes);
        migration.onRefresh(o -> showEndpoints(o.snapshot().endpoints()));
        migration.describedAs(cluster.description());
        // Back to the list as it was left: its search, status and sort.
        add(new Anchor(com.switchback.base.ui.ListState.remembered("clusters"), t("cluster.allClusters")), header, basic, migration,
                new com.switchback.verification.ui.VerificationSection(cluster.id(), verifications, events,
                        CurrentUser.of(auth)),
                new com.switchback.migration.ui.ReadinessSection(cluster.id(), migrations));
    }

    /** Endpoints change rarely (a swap): an unchanged list sends nothing to the browser. */
    private void showEndpoints(java.util.List<Endpoint> list) {
        if (!list.equals(shownEndpoints)) {
            shownEndpoints = list;
            endpoints.setItems(list);
        }
    }

    private static Div section(String heading, com.vaadin.flow.component.Component... content) {
        Div d = new Div(new H3(heading));
        d.add(content);
        d.addClassName("sb-section");
        return d;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
