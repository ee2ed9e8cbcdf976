package com.switchback.base;

/**
 * A number shown next to a navigation entry and kept current, such as the pending approvals.
 * Features provide these as beans; the layout shows them for the entries the user can see and
 * reads them again on every change (one read per user and change, however many pages are open).
 */
public interface LiveBadge {

    /** The route path of the navigation entry, e.g. {@code approvals}. */
    String path();

    /** The number now, for the current user. */
    int count();

}
