package com.switchback.security;

import com.switchback.base.Preferences;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The logged-in person's own preferences, kept on their account; nobody else's. */
@Service
class UserPreferences implements Preferences {

    private final AppUsers users;

    UserPreferences(AppUsers users) {
        this.users = users;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean darkMode() {
        return users.findById(me()).map(AppUser::darkMode).orElse(false);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setDarkMode(boolean dark) {
        users.findById(me()).ifPresent(u -> {
            u.setDarkMode(dark);
            users.save(u);
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Optional<java.util.Locale> locale() {
        return users.findById(me()).map(AppUser::locale).map(java.util.Locale::forLanguageTag);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setLocale(java.util.Locale locale) {
        users.findById(me()).ifPresent(u -> {
            u.setLocale(locale.toLanguageTag());
            users.save(u);
        });
    }

    private static String me() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
