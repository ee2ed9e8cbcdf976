package com.switchback.base;

import com.switchback.base.i18n.Text;

/**
 * A service said no to something a person asked, and why. The reason is a {@link Text}, so the
 * page shows it in the person's language while the log and the exception say it in English.
 */
public class ActionRefusedException extends RuntimeException implements com.switchback.base.i18n.Localized {

    private final transient Text reason;

    public ActionRefusedException(Text reason) {
        super(reason.english());
        this.reason = reason;
    }

    public ActionRefusedException(String key, Object... params) {
        this(Text.of(key, params));
    }

    @Override
    public Text reason() {
        return reason;
    }
}
