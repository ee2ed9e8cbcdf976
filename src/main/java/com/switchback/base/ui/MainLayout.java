package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.UI;

import com.switchback.base.DemoMode;
import com.switchback.base.Notice;
import com.switchback.base.NoticeFeed;
import com.switchback.base.LiveAlert;
import com.switchback.base.LiveBadge;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every page after login: the bar (Navbar), the navigation from the menu config with its
 * live counts (Navigation), red alerts, and notices. The bar and the navigation are markup: the
 * annotations below keep their web components in a bundle built for the console, and the page asks for
 * their scripts when it attaches (Flow would load them only with components of their classes).
 */
@Uses(com.vaadin.flow.component.button.Button.class)
@Uses(com.vaadin.flow.component.icon.Icon.class)
@Uses(com.vaadin.flow.component.applayout.DrawerToggle.class)
@Uses(com.vaadin.flow.component.sidenav.SideNav.class)
@Uses(com.vaadin.flow.component.sidenav.SideNavItem.class)
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private final java.util.List<LiveAlert> alerts;
    /** The bar's red alerts, made when the first shows: most pages never have one. */
    private Div alertBar;
    private final Div top;

    private final java.util.List<NoticeFeed> notices;
    /** The newest notice shown by this page, per feed: a page shows what came after it opened. */
    private final java.util.Map<NoticeFeed, Long> shownUpTo = new java.util.HashMap<>();

    private final com.switchback.base.Preferences preferences;
    final Navbar navbar;
    final Navigation navigation;

    public MainLayout(AuthenticationContext auth, DemoMode demo, java.util.List<LiveBadge> badges,
                      java.util.List<LiveAlert> alerts, java.util.List<NoticeFeed> notices,
                      com.switchback.base.Preferences preferences, com.switchback.base.LiveChanges changes) {
        this.preferences = preferences;
        // A session with no role yet (a one-time password to replace) reads nothing of the console.
        boolean hasRole = auth.hasAnyRole(com.switchback.base.AppRoles.ALL);
        this.alerts = hasRole ? alerts : java.util.List.of();
        this.notices = hasRole ? notices : java.util.List.of();
        navbar = new Navbar(auth.getPrincipalName().orElse(""), demo.enabled());
        navbar.onAction(action -> {
            switch (action) {
                case DARK, LIGHT -> {
                    preferences.setDarkMode(action == Navbar.Action.DARK);
                    applyTheme(action == Navbar.Action.DARK);
                }
                case LANGUAGE -> LanguageChoice.switchLanguage(preferences);
                case LOG_OUT -> auth.logout();
            }
        });
        top = new Div(navbar);
        addToNavbar(top);
        navigation = new Navigation(hasRole ? badges : java.util.List.of());
        addToDrawer(navigation);
        setPrimarySection(Section.DRAWER);
        // One subscription for the whole page (LiveHub): badges, alerts and notices with the view's own parts.
        LiveHub.whileAttached(this, changes, changed -> {
            navigation.updateBadges();
            updateAlerts();
            this.notices.forEach(this::showNotices);
        });
    }

    private java.util.List<LiveAlert.Alert> shownAlerts;

    /** Redraws the alert bar only when the alerts changed. */
    private void updateAlerts() {
        java.util.List<LiveAlert.Alert> now = alerts.stream().flatMap(a -> a.alerts().stream()).toList();
        if (now.equals(shownAlerts)) {
            return;
        }
        shownAlerts = now;
        if (alertBar == null) {
            if (now.isEmpty()) {
                return;
            }
            alertBar = new Div();
            alertBar.addClassName("sb-alert-bar");
            alertBar.getElement().setAttribute("role", "alert");
            top.add(alertBar);
        }
        alertBar.removeAll();
        now.forEach(a -> {
            Anchor link = new Anchor(a.link(), a.text());
            link.addClassName("sb-alert");
            alertBar.add(link);
        });
        alertBar.setVisible(alertBar.getChildren().findAny().isPresent());
    }

    /**
     * The console sets the drawer as the primary section and nothing in the browser changes it, so the
     * page need not tell the server of it: one listener less per open page (DD021).
     */
    @Override
    @com.vaadin.flow.component.Synchronize(property = "primarySection", value = {})
    public Section getPrimarySection() {
        return super.getPrimarySection();
    }

    /** Each new notice once, on whatever page this is, styled by what it means, with its link. */
    private void showNotices(NoticeFeed feed) {
        for (Notice n : feed.after(shownUpTo.getOrDefault(feed, 0L))) {
            shownUpTo.put(feed, n.id());
            Notifications.notice(n);
        }
    }

    /**
     * Lumo's dark variant on the whole page, as the person chose it (remembered with their account). The
     * stylesheet shows the bar's button that leads back (Navbar).
     */
    private void applyTheme(boolean dark) {
        UI ui = UI.getCurrent();
        ui.getElement().getThemeList().set(com.vaadin.flow.theme.lumo.Lumo.DARK, dark);
        // Lumo reads the variant from the root element, which the UI's own element is not.
        ui.getPage().executeJs("document.documentElement.setAttribute('theme', $0)",
                dark ? com.vaadin.flow.theme.lumo.Lumo.DARK : "");
    }

    /** The web components of the bar and the navigation, which are markup here: the classes named by {@code @Uses}. */
    private static final java.util.List<Class<? extends com.vaadin.flow.component.Component>> MARKUP_COMPONENTS =
            java.util.Arrays.stream(MainLayout.class.getAnnotationsByType(Uses.class)).map(Uses::value).toList();

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        // Flow loads a component's scripts when a component of its class is attached; markup has none.
        MARKUP_COMPONENTS.forEach(event.getUI().getInternals()::addComponentDependencies);
        applyTheme(preferences.darkMode());
        // The page's language for screen readers and fonts, and the words of the stylesheet's "disconnected" bar.
        event.getUI().getPage().executeJs("document.documentElement.lang = $0; document.body.setAttribute('data-sb-lost', $1)",
                com.switchback.base.i18n.Texts.locale().toLanguageTag(), t("connection.lost"));
        navigation.updateBadges();
        updateAlerts();
        notices.forEach(n -> shownUpTo.putIfAbsent(n, n.latest()));
    }
}
