package com.switchback.base;

/** What the logged-in person chose for how the console looks, remembered with their account. */
public interface Preferences {

    boolean darkMode();

    void setDarkMode(boolean dark);

    /** The language picked in the user menu; empty means the browser's. */
    java.util.Optional<java.util.Locale> locale();

    void setLocale(java.util.Locale locale);
}
