package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bar's fixed words are markup the server builds once per page: the person's name is text however
 * it is spelt, and the links and the demo marker are there. The navigation is markup too, with its live counts.
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
    void theBarAndTheNavigationAreOneElementEachWithTheEntriesThePersonMayOpen() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.navbar.getElement().getChildCount()).as("markup, not components").isZero();
        assertThat(layout.navigation.getElement().getChildCount()).isZero();
        assertThat(layout.navigation.getElement().getTag()).isEqualTo("vaadin-side-nav");
        assertThat(layout.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .getPropertySynchronizationMode("primarySection")).as("the console alone sets it").isNull();
        assertThat(layout.navigation.getInnerHtml()).contains("path=\"clusters\"").contains("path=\"requests\"")
                .contains("vaadin:database").doesNotContain("path=\"users\"");
        var nav = org.jsoup.Jsoup.parseBodyFragment(layout.navigation.getInnerHtml());
        assertThat(nav.select("vaadin-side-nav-item[path=clusters] > vaadin-icon[slot=prefix]")).hasSize(1);
        assertThat(nav.select("vaadin-side-nav-item[path=clusters]").text()).isEqualTo("Clusters");
        var bar = org.jsoup.Jsoup.parseBodyFragment(layout.navbar.getInnerHtml());
        assertThat(bar.select(".sb-navbar-brand > .sb-brand").text()).isEqualTo("Switchback");
        assertThat(bar.select(".sb-navbar-right > .sb-navbar-who > a.sb-sessions-link")).hasSize(1);
        assertThat(bar.select(".sb-navbar-right > vaadin-button[data-sb-action=log-out]").text()).isEqualTo("Log out");
        assertThat(bar.select(".sb-navbar-right > vaadin-button[data-sb-action=language][lang=zh-CN]").text())
                .isEqualTo("中文");
        assertThat(bar.select("vaadin-button[data-sb-action=dark] > vaadin-icon[icon=vaadin:moon-o]")).hasSize(1);
    }

    @Test
    void aBadgeShowsItsCountAndIsSentAgainOnlyWhenItChanges() {
        int[] count = {0};
        com.switchback.base.LiveBadge requests = new com.switchback.base.LiveBadge() {
            @Override
            public String path() {
                return "requests";
            }

            @Override
            public int count() {
                return count[0];
            }
        };
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        Navigation navigation = new Navigation(java.util.List.of(requests));
        navigation.updateBadges();
        assertThat(navigation.badge("requests")).as("none at zero").isEmpty();
        assertThat(navigation.getInnerHtml()).doesNotContain("sb-nav-badge");
        count[0] = 3;
        navigation.updateBadges();
        assertThat(navigation.badge("requests")).contains(3);
        assertThat(navigation.getInnerHtml()).contains("class=\"sb-nav-badge\"").contains(">3</span>");
        String sent = navigation.getInnerHtml();
        navigation.updateBadges();
        assertThat(navigation.getInnerHtml()).isSameAs(sent);
        assertThat(navigation.badge("clusters")).as("no badge for that entry").isEmpty();
    }
}
