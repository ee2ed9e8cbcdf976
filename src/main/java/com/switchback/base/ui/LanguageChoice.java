package com.switchback.base.ui;

import com.switchback.base.Preferences;
import com.switchback.base.i18n.Messages;
import com.switchback.base.i18n.Texts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A page speaks the browser's language (Vaadin matches it against {@link Messages#LOCALES}) unless the
 * person picked one with the bar's language button, which is remembered with their account and wins on every page
 * and every device they log in from.
 */
@Component
class LanguageChoice implements VaadinServiceInitListener {

    private final Preferences preferences;

    LanguageChoice(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (loggedIn()) {
                preferences.locale().ifPresent(l -> {
                    init.getUI().setLocale(Messages.supported(l));
                    remember(init.getUI(), Messages.supported(l));
                });
            }
        });
    }

    /**
     * The bar's language button (Navbar): the console in the other language, remembered with the account,
     * and the page drawn again in it at the same address.
     */
    static void switchLanguage(Preferences preferences) {
        Locale other = Texts.chinese() ? Messages.ENGLISH : Messages.CHINESE;
        preferences.setLocale(other);
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(other);
        remember(ui, other);
        ui.getPage().reload();
    }

    /** This browser's login and error pages speak the picked language too (nobody is known there yet). */
    private static void remember(UI ui, Locale locale) {
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; samesite=lax'",
                Messages.COOKIE, locale.toLanguageTag());
    }

    private static boolean loggedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
