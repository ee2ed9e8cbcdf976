package com.switchback.base;

import java.util.List;

/**
 * The current user's notices, newest last. The layout shows those newer than what it has shown
 * and asks again when {@link #subscribe} says something may have changed.
 */
public interface NoticeFeed {

    /** The id of the current user's newest notice (0 when none): a page opened now starts there. */
    long latest();

    /** The current user's notices after {@code id}, oldest first. */
    List<Notice> after(long id);

    /** Calls {@code changed} (on a background thread) when there may be new notices; returns the unsubscribe. */
    Runnable subscribe(Runnable changed);
}
