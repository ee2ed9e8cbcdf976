package com.switchback.approval;

import java.time.Instant;

/** One team lead's approval of a request (an action may need several, each from a different person). */
public record Approval(String by, Instant at, String comment) {
}
