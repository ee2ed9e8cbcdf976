package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.util.Optional;

/** What the navigation of the page open in the test shows beside an entry, for tests of other features. */
public final class NavigationBadges {

    private NavigationBadges() {
    }

    /** The count beside the entry of {@code path}; empty where none shows (no badge, or zero). */
    public static Optional<Integer> shown(String path) {
        Navigation navigation = _get(MainLayout.class).navigation;
        Optional<Integer> count = navigation.badge(path);
        // What the server holds is what the markup says.
        var inMarkup = org.jsoup.Jsoup.parseBodyFragment(navigation.getInnerHtml())
                .select("vaadin-side-nav-item[path=" + path + "] .sb-nav-badge").stream()
                .map(b -> Integer.valueOf(b.text())).findFirst();
        if (!count.equals(inMarkup)) {
            throw new AssertionError("the markup shows " + inMarkup + ", the page holds " + count + ": " + navigation.getInnerHtml());
        }
        return count;
    }
}
