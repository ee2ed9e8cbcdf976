package com.switchback.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Every word the console shows comes from here: {@code i18n/messages.properties} (English, also the
 * fallback) and {@code i18n/messages_zh_CN.properties} (Simplified Chinese, in the words of Alibaba
 * Cloud's own console). Vaadin uses this bean to pick a page's language from the browser; code
 * outside components asks {@link Texts}. Placeholders are plain {@code {0}}, {@code {1}}: no
 * MessageFormat, so an apostrophe in a sentence stays an apostrophe.
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The languages the console speaks; the first is the default. */
    public static final List<Locale> LOCALES = List.of(ENGLISH, CHINESE);

    private static final String BUNDLE = "i18n/messages";
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /**
     * Loaded once: a live update says some twenty sentences per open page, and each
     * {@code ResourceBundle.getBundle} call looks up its caller and its cache again.
     */
    private static final Map<Locale, ResourceBundle> BUNDLES = Map.of(
            ENGLISH, ResourceBundle.getBundle(BUNDLE, ENGLISH, CONTROL),
            CHINESE, ResourceBundle.getBundle(BUNDLE, CHINESE, CONTROL));

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return get(locale, key, params);
    }

    /** The text of a key in a language (English where the language or the key is missing), filled in. */
    public static String get(Locale locale, String key, Object... params) {
        String pattern;
        try {
            pattern = BUNDLES.get(supported(locale)).getString(key);
        } catch (MissingResourceException e) {
            // The bundle test fails on a missing key; a running console shows the key rather than nothing.
            return key;
        }
        return fill(pattern, params);
    }

    /** The console's language nearest to what was asked: Chinese for any Chinese, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && CHINESE.getLanguage().equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The cookie that carries the language picked in the user menu to the pages served before login. */
    public static final String COOKIE = "sb-lang";

    /**
     * The language of a plain page (login, errors): the one picked in the user menu on this browser,
     * else the first of the browser's languages the console speaks.
     */
    public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && c.getValue() != null) {
                    return supported(Locale.forLanguageTag(c.getValue()));
                }
            }
        }
        return of(request.getLocales());
    }

    /** The first of the browser's languages the console speaks, else English. */
    public static Locale of(java.util.Enumeration<Locale> browserLocales) {
        while (browserLocales != null && browserLocales.hasMoreElements()) {
            Locale l = browserLocales.nextElement();
            if (CHINESE.getLanguage().equals(l.getLanguage()) || ENGLISH.getLanguage().equals(l.getLanguage())) {
                return supported(l);
            }
        }
        return ENGLISH;
    }

    static String fill(String pattern, Object... params) {
        if (params == null || params.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < params.length ? String.valueOf(params[n]) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
