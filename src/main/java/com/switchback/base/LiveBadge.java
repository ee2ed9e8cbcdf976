package com.switchback.base;

/**
 * A number shown next to a navigation entry and kept current, such as the pending approvals.
 * Features provide these as beans; the layout shows them for the entries the user can see.
 */
public interface LiveBadge {

    /** The route path of the navigation entry, e.g. {@code approvals}. */
    String path();

    /** The number now, for the current user. */
    int count();

    /** Calls {@code changed} (on a background thread) when the number may have changed; returns the unsubscribe. */
    Runnable subscribe(Runnable changed);
}
