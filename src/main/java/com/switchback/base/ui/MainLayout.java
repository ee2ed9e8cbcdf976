package com.switchback.base.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.UI;

import com.switchback.base.DemoMode;
import com.switchback.base.Notice;
import com.switchback.base.NoticeFeed;
import com.switchback.base.LiveAlert;
import com.switchback.base.LiveBadge;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame of every page after login: navigation from the menu config, the user, the demo marker, red alerts. */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private final java.util.Map<LiveBadge, Span> badgeLabels = new java.util.HashMap<>();
    private final java.util.List<LiveAlert> alerts;
    private final Div alertBar = new Div();

    private final java.util.List<NoticeFeed> notices;
    /** The newest notice shown by this page, per feed: a page shows what came after it opened. */
    private final java.util.Map<NoticeFeed, Long> shownUpTo = new java.util.HashMap<>();

    private final com.switchback.base.Preferences preferences;
    final Button theme = new Button();

    public MainLayout(AuthenticationContext auth, DemoMode demo, java.util.List<LiveBadge> badges,
                      java.util.List<LiveAlert> alerts, java.util.List<NoticeFeed> notices,
                      com.switchback.base.Preferences preferences, com.switchback.base.LiveChanges changes) {
        this.preferences = preferences;
        // A session with no role yet (a one-time password to replace) reads nothing of the console.
        boolean hasRole = auth.hasAnyRole(com.switchback.base.AppRoles.ALL);
        this.alerts = hasRole ? alerts : java.util.List.of();
        this.notices = hasRole ? notices : java.util.List.of();
        org.jsoup.nodes.Element brand = markup("span", "sb-navbar-brand");
        brand.appendChild(markup("span", "sb-brand").text(t("layout.switchback")));
        if (demo.enabled()) {
            brand.appendChild(markup("span", "sb-demo-marker").attr("theme", DemoMarker.THEME).text(t(DemoMarker.TEXT)));
        }
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), new Html(brand.outerHtml()));
        bar.addClassName("sb-navbar");
        bar.setAlignItems(HorizontalLayout.Alignment.CENTER);
        bar.setWidthFull();
        org.jsoup.nodes.Element who = markup("span", "sb-navbar-who");
        who.appendChild(markup("span", "sb-user").text(auth.getPrincipalName().orElse("")));
        who.appendChild(markup("a", "sb-password-link").attr("href", "password").text(t("layout.password")));
        who.appendChild(markup("a", "sb-sessions-link").attr("href", "sessions").text(t("layout.sessions")));
        Button logout = new Button(t("layout.logOut"), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.addClassName("sb-theme-toggle");
        theme.addClickListener(e -> {
            boolean dark = !isDark();
            preferences.setDarkMode(dark);
            applyTheme(dark);
        });
        HorizontalLayout right = new HorizontalLayout(new Html(who.outerHtml()), theme,
                LanguageChoice.toggle(preferences), logout);
        right.setAlignItems(HorizontalLayout.Alignment.CENTER);
        right.addClassName("sb-navbar-right");
        bar.add(right);
        bar.expand(right);
        bar.setJustifyContentMode(HorizontalLayout.JustifyContentMode.START);
        alertBar.addClassName("sb-alert-bar");
        alertBar.getElement().setAttribute("role", "alert");
        alertBar.setVisible(false);
        addToNavbar(new Div(bar, alertBar));
        addToDrawer(navigation(hasRole ? badges : java.util.List.of(), badgeLabels));
        setPrimarySection(Section.DRAWER);
        // One subscription for the whole page (LiveHub): badges, alerts and notices with the view's own parts.
        LiveHub.whileAttached(this, changes, changed -> {
            updateBadges();
            updateAlerts();
            this.notices.forEach(this::showNotices);
        });
    }

    /**
     * The bar's words that stay as they are while the page is open (the name, the user, two links) are
     * one piece of markup on each side: one element for the server to keep per open page instead of a
     * component and a text node for each (docs/decisions/DD021-lighter-pages.md). Jsoup escapes the text.
     */
    private static org.jsoup.nodes.Element markup(String tag, String className) {
        return new org.jsoup.nodes.Element(tag).addClass(className);
    }

    private static SideNav navigation(java.util.List<LiveBadge> badges, java.util.Map<LiveBadge, Span> labels) {
        SideNav nav = new FlatSideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new FlatSideNavItem(t(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            badges.stream().filter(b -> entry.path().equals(b.path()) || entry.path().equals("/" + b.path()))
                    .findFirst().ifPresent(b -> {
                        Span count = new Span();
                        count.getElement().getThemeList().add("badge pill small contrast");
                        count.addClassName("sb-nav-badge");
                        item.setSuffixComponent(count);
                        labels.put(b, count);
                    });
            nav.addItem(item);
        });
        return nav;
    }

    /**
     * The navigation neither collapses nor has items with children, so the server need not hear of
     * either changing in the browser (DD021, as for the grids' columns).
     */
    static final class FlatSideNav extends SideNav {
        @Override
        @com.vaadin.flow.component.Synchronize(property = "collapsed", value = {})
        public boolean isExpanded() {
            return super.isExpanded();
        }
    }

    /** An item of the flat navigation: nothing to expand. */
    static final class FlatSideNavItem extends SideNavItem {
        FlatSideNavItem(String label, String path) {
            super(label, path);
        }

        @Override
        @com.vaadin.flow.component.Synchronize(property = "expanded", value = {})
        public boolean isExpanded() {
            return super.isExpanded();
        }
    }

    /** Sends the browser only what changed: most changes change no count. */
    private void updateBadges() {
        badgeLabels.forEach((badge, label) -> {
            String n = Integer.toString(badge.count());
            if (!n.equals(label.getText())) {
                label.setText(n);
                label.setVisible(!"0".equals(n));
            }
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
        alertBar.removeAll();
        now.forEach(a -> {
            Anchor link = new Anchor(a.link(), a.text());
            link.addClassName("sb-alert");
            alertBar.add(link);
        });
        alertBar.setVisible(alertBar.getChildren().findAny().isPresent());
    }

    /** Each new notice once, on whatever page this is, styled by what it means, with its link. */
    private void showNotices(NoticeFeed feed) {
        for (Notice n : feed.after(shownUpTo.getOrDefault(feed, 0L))) {
            shownUpTo.put(feed, n.id());
            Notifications.notice(n);
        }
    }

    /** Lumo's dark variant on the whole page, as the person chose it (remembered with their account). */
    private void applyTheme(boolean dark) {
        UI ui = UI.getCurrent();
        ui.getElement().getThemeList().set(com.vaadin.flow.theme.lumo.Lumo.DARK, dark);
        // Lumo reads the variant from the root element, which the UI's own element is not.
        ui.getPage().executeJs("document.documentElement.setAttribute('theme', $0)",
                dark ? com.vaadin.flow.theme.lumo.Lumo.DARK : "");
        theme.setText(dark ? t("layout.lightMode") : t("layout.darkMode"));
        theme.setIcon((dark ? com.vaadin.flow.component.icon.VaadinIcon.SUN_O : com.vaadin.flow.component.icon.VaadinIcon.MOON_O).create());
    }

    private boolean isDark() {
        return UI.getCurrent().getElement().getThemeList().contains(com.vaadin.flow.theme.lumo.Lumo.DARK);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        applyTheme(preferences.darkMode());
        // The page's language for screen readers and fonts, and the words of the stylesheet's "disconnected" bar.
        event.getUI().getPage().executeJs("document.documentElement.lang = $0; document.body.setAttribute('data-sb-lost', $1)",
                com.switchback.base.i18n.Texts.locale().toLanguageTag(), t("connection.lost"));
        updateBadges();
        updateAlerts();
        notices.forEach(n -> shownUpTo.putIfAbsent(n, n.latest()));
    }
}
