package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;
import static com.switchback.base.ui.Markup.element;

import com.switchback.base.i18n.Messages;
import com.switchback.base.i18n.Texts;
import com.vaadin.flow.component.Html;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;

/**
 * The bar at the top of every page after login, as one piece of markup: the drawer's toggle, the name
 * (and the demo marker), the person, their links, and the buttons for dark or light, the other language
 * and logging out. One element for the server to keep per open page instead of fifteen components and
 * text nodes, and one click listener for the buttons (docs/decisions/DD021-lighter-pages.md). Jsoup
 * escapes every text; what a button does is decided here, from a fixed list, whatever the browser sends.
 */
final class Navbar extends Html {

    /** What the bar's buttons do. */
    enum Action {
        DARK, LIGHT, LANGUAGE, LOG_OUT;

        String attribute() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Action> of(String attribute) {
            return Arrays.stream(values()).filter(a -> a.attribute().equals(attribute)).findFirst();
        }
    }

    /** The action of the button clicked (or of the button around the clicked icon), read in the browser. */
    static final String CLICKED_ACTION = "event.target.closest('[data-sb-action]')?.dataset.sbAction";
    /** Only clicks on a button reach the server. */
    static final String ON_A_BUTTON = "event.target.closest('[data-sb-action]') != null";

    Navbar(String user, boolean demo) {
        super(Markup.html(markup(user, demo)));
    }

    /** Calls {@code handler} with the action of each click on one of the bar's buttons. */
    void onAction(Consumer<Action> handler) {
        getElement().addEventListener("click", e -> {
            var clicked = e.getEventData().get(CLICKED_ACTION);
            if (clicked != null && clicked.isString()) {
                Action.of(clicked.asString()).ifPresent(handler);
            }
        }).addEventData(CLICKED_ACTION).setFilter(ON_A_BUTTON);
    }

    private static Element markup(String user, boolean demo) {
        Element bar = element("div", "sb-navbar");
        bar.appendChild(new Element("vaadin-drawer-toggle").attr("aria-label", t("layout.menu")));
        Element brand = element("span", "sb-navbar-brand");
        bar.appendChild(brand);
        brand.appendChild(element("span", "sb-brand").text(t("layout.switchback")));
        if (demo) {
            brand.appendChild(element("span", "sb-demo-marker").attr("theme", DemoMarker.THEME).text(t(DemoMarker.TEXT)));
        }
        Element right = element("span", "sb-navbar-right");
        bar.appendChild(right);
        Element who = element("span", "sb-navbar-who");
        right.appendChild(who);
        who.appendChild(element("span", "sb-user").text(user));
        who.appendChild(element("a", "sb-password-link").attr("href", "password").text(t("layout.password")));
        who.appendChild(element("a", "sb-sessions-link").attr("href", "sessions").text(t("layout.sessions")));
        // Both theme buttons are there; the stylesheet shows the one that leads away from the page's theme.
        right.appendChild(button(Action.DARK, t("layout.darkMode"), "vaadin:moon-o", "sb-theme-toggle", "sb-theme-dark"));
        right.appendChild(button(Action.LIGHT, t("layout.lightMode"), "vaadin:sun-o", "sb-theme-toggle", "sb-theme-light"));
        // The other language, named in that language, so either reader finds it.
        Locale other = Texts.chinese() ? Messages.ENGLISH : Messages.CHINESE;
        right.appendChild(button(Action.LANGUAGE, Messages.get(other, "menu.language.switch"), null, "sb-language-toggle")
                .attr("lang", other.toLanguageTag()).attr("title", t("menu.language.title")));
        right.appendChild(button(Action.LOG_OUT, t("layout.logOut"), null, "sb-logout"));
        return bar;
    }

    private static Element button(Action action, String text, String icon, String... classes) {
        Element button = element("vaadin-button", classes).attr("theme", "tertiary")
                .attr("data-sb-action", action.attribute());
        if (icon != null) {
            button.appendChild(new Element("vaadin-icon").attr("icon", icon).attr("slot", "prefix"));
        }
        return button.appendText(text);
    }
}
