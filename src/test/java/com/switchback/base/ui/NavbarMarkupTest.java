package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bar's fixed words are markup the server builds once per page: the person's name is text however
 * it is spelt, and the links and the demo marker are there. The navigation listens for no layout change.
 */
class NavbarMarkupTest extends KaribuTest {

    @Test
    void theNameIsTextAndTheLinksAndTheDemoMarkerAreThere() {
        login("<img src=x onerror=alert(1)>", "DBA");
        UI.getCurrent().navigate("clusters");
        String bar = _find(Html.class).stream().map(Html::getInnerHtml).collect(Collectors.joining());
        assertThat(bar).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(bar).contains("href=\"password\"").contains("href=\"sessions\"")
                .contains("Password").contains("Sessions").contains("Switchback");
        assertThat(bar).contains("sb-demo-marker").contains("Demo — simulated clusters");
    }

    @Test
    void theFlatNavigationHearsNothingOfExpandingOrCollapsing() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        var items = _find(com.vaadin.flow.component.sidenav.SideNavItem.class);
        assertThat(items).isNotEmpty();
        items.forEach(item -> assertThat(listeners(item).getPropertySynchronizationMode("expanded")).isNull());
        assertThat(listeners(_find(com.vaadin.flow.component.sidenav.SideNav.class).getFirst())
                .getPropertySynchronizationMode("collapsed")).isNull();
        assertThat(listeners(new com.vaadin.flow.component.sidenav.SideNavItem("x", "x"))
                .getPropertySynchronizationMode("expanded")).as("Flow's own item does listen").isNotNull();
    }

    private static com.vaadin.flow.internal.nodefeature.ElementListenerMap listeners(com.vaadin.flow.component.Component c) {
        return c.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class);
    }
}
