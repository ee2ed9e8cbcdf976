package com.switchback.security;

import com.switchback.base.i18n.Localized;
import com.switchback.base.i18n.Text;

/** An account change refused for a reason the person can fix; the message is English, the page says the reason. */
public class AccountRefusedException extends IllegalArgumentException implements Localized {

    private final transient Text reason;

    public AccountRefusedException(String key, Object... params) {
        super(Text.of(key, params).english());
        this.reason = Text.of(key, params);
    }

    @Override
    public Text reason() {
        return reason;
    }
}
