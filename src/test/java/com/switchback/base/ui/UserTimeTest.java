package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Times read in the person's own time zone, labelled, with the UTC time on hover. */
class UserTimeTest extends KaribuTest {

    @Autowired MigrationService migrations;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    @Test
    void aRequestPageInShanghaiShowsShanghaiTimeWithUtcOnHover() {
        var fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        MigrationRequest r = TestFleet.switchOverRequested(migrations, id);
        login("dba", "DBA");
        UserTime.use(UI.getCurrent(), ZoneId.of("Asia/Shanghai"));
        UI.getCurrent().navigate("requests/" + r.id());
        Component fact = _get(Component.class, spec -> spec.withAttribute("data-fact", "Requested at"));
        Span time = _get(fact, Span.class, spec -> spec.withClasses("sb-time"));
        String shanghai = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(
                r.requestedAt().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(time.getText()).isEqualTo(shanghai + " GMT+08:00");
        assertThat(time.getElement().getAttribute("title")).isEqualTo(com.switchback.base.Formats.utc(r.requestedAt()));
        assertThat(UserTime.zoneLabel()).isEqualTo("GMT+08:00");
    }
}
