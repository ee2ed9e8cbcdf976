package com.switchback.base;

/** What the logged-in person chose for how the console looks, remembered with their account. */
public interface Preferences {

    boolean darkMode();

    void setDarkMode(boolean dark);
}
