package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.i18n.Messages;
import com.switchback.base.i18n.Texts;
import java.util.Locale;

/**
 * A check's name as a page says it. Names are how checks are acknowledged and recorded, so they stay
 * English in the registry; the page translates the known ones ({@code check.<name, slugged>}), and a
 * name made of a known one and where it applies ("GTID on PolarDB") part by part. What a backend
 * reported about it (the detail, the fix) is shown as reported (DD018).
 */
public final class CheckNames {

    private CheckNames() {
    }

    public static String of(String name) {
        String whole = known(name);
        if (whole != null) {
            return whole;
        }
        int on = name.lastIndexOf(" on ");
        if (on > 0) {
            String base = known(name.substring(0, on));
            if (base != null) {
                String where = name.substring(on + 4);
                String side = known(where);
                return t("check.on", base, side == null ? where : side);
            }
        }
        // A known name with a qualifier after it, as "Endpoints can be swapped (Cluster)".
        int space = name.indexOf(" (");
        if (space > 0 && known(name.substring(0, space)) != null) {
            return known(name.substring(0, space)) + name.substring(space);
        }
        return name;
    }

    private static String known(String english) {
        String key = "check." + english.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        String said = Messages.get(Texts.locale(), key);
        return said.equals(key) ? null : said;
    }
}
