package com.switchback.migration;

import java.time.Instant;

/** What the requests view selects; null fields mean "any". */
public record RequestFilter(RequestState state, String clusterId, String requester, Instant from, Instant to) {

    public static final RequestFilter ALL = new RequestFilter(null, null, null, null, null);

    public RequestFilter {
        clusterId = blank(clusterId);
        requester = blank(requester);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
