package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.LiveBadge;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The drawer's navigation, as one piece of markup: an entry for each view the person may open (from the
 * menu configuration), with the live count of its badge, if it has one. The browser's side navigation
 * marks the current entry and navigates by itself; the server keeps one element per open page instead
 * of three or five per entry (docs/decisions/DD021-lighter-pages.md), and sends the markup again only
 * when a count changes.
 */
final class Navigation extends Html {

    private final List<MenuEntry> entries;
    /** The badges of the entries shown, by path, and the counts the page shows now. */
    private final Map<String, LiveBadge> badges = new LinkedHashMap<>();
    private final Map<String, Integer> shown = new LinkedHashMap<>();

    Navigation(List<LiveBadge> liveBadges) {
        this(MenuConfiguration.getMenuEntries(), liveBadges);
    }

    private Navigation(List<MenuEntry> entries, List<LiveBadge> liveBadges) {
        super(Markup.html(markup(entries, Map.of())));
        this.entries = entries;
        entries.forEach(entry -> liveBadges.stream().filter(b -> path(entry).equals(b.path())).findFirst()
                .ifPresent(b -> badges.put(b.path(), b)));
    }

    /** Reads every badge again; the page hears of it only if a count changed. */
    void updateBadges() {
        Map<String, Integer> now = new LinkedHashMap<>();
        badges.forEach((path, badge) -> now.put(path, badge.count()));
        if (!now.equals(shown)) {
            shown.clear();
            shown.putAll(now);
            setHtmlContent(Markup.html(markup(entries, shown)));
        }
    }

    /** The count the page shows beside an entry; empty where there is none (no badge, or zero). */
    Optional<Integer> badge(String path) {
        return Optional.ofNullable(shown.get(path)).filter(n -> n > 0);
    }

    private static Element markup(List<MenuEntry> entries, Map<String, Integer> counts) {
        Element nav = Markup.element("vaadin-side-nav", "sb-nav");
        for (MenuEntry entry : entries) {
            Element item = new Element("vaadin-side-nav-item").attr("path", path(entry));
            nav.appendChild(item);
            if (entry.icon() != null) {
                item.appendChild(new Element("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix"));
            }
            item.appendText(t(entry.title()));
            Integer count = counts.get(path(entry));
            if (count != null && count > 0) {
                item.appendChild(Markup.element("span", "sb-nav-badge").attr("slot", "suffix")
                        .attr("theme", "badge pill small contrast").text(Integer.toString(count)));
            }
        }
        return nav;
    }

    /** The entry's route, as the browser's side navigation resolves it (against the page's base). */
    private static String path(MenuEntry entry) {
        return entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
    }
}
