package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.theme.lumo.Lumo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Dark mode: toggled in the navigation bar, remembered with the account, applied on every page after. */
class DarkModeTest extends KaribuTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theChoiceIsRememberedWithTheAccountAndAppliedOnTheNextPage() {
        jdbc.sql("update app_user set dark_mode = false where username = 'auditor'").update();
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters");
        MainLayout layout = _get(MainLayout.class);
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain(Lumo.DARK);
        assertThat(layout.navbar.getInnerHtml()).contains("data-sb-action=\"dark\"").contains("Dark mode")
                .contains("data-sb-action=\"light\"").contains("Light mode");

        click(layout.navbar, "dark");
        assertThat(UI.getCurrent().getElement().getThemeList()).contains(Lumo.DARK);
        assertThat(jdbc.sql("select dark_mode from app_user where username = 'auditor'").query(Boolean.class).single())
                .isTrue();

        // A new tab (a new UI) starts dark.
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("com.switchback"), ctx, UI::new));
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("requests");
        assertThat(UI.getCurrent().getElement().getThemeList()).contains(Lumo.DARK);
        click(_get(MainLayout.class).navbar, "nonsense");
        assertThat(UI.getCurrent().getElement().getThemeList()).as("no such button").contains(Lumo.DARK);
        click(_get(MainLayout.class).navbar, "light");
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain(Lumo.DARK);
        assertThat(jdbc.sql("select dark_mode from app_user where username = 'auditor'").query(Boolean.class).single())
                .isFalse();
    }

    /** A click in the bar as the browser reports it: the action of the button clicked. */
    static void click(Navbar navbar, String action) {
        var data = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                .put(Navbar.ON_A_BUTTON, true).put(Navbar.CLICKED_ACTION, action);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent(navbar, "click", data);
    }
}
