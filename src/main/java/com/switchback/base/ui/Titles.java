package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

/** A page's title in the browser tab: its own name, then the console's, in the page's language. */
public final class Titles {

    private Titles() {
    }

    public static String page(String key, Object... params) {
        return t("title.page", t(key, params));
    }
}
