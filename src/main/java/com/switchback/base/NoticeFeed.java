package com.switchback.base;

import java.util.List;

/**
 * The current user's notices, newest last. The layout shows those newer than what it has shown
 * and asks again on every change of the console's state.
 */
public interface NoticeFeed {

    /** The id of the current user's newest notice (0 when none): a page opened now starts there. */
    long latest();

    /** The current user's notices after {@code id}, oldest first. */
    List<Notice> after(long id);

}
