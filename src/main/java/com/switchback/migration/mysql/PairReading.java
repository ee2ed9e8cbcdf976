package com.switchback.migration.mysql;

import java.util.Set;

/**
 * A pair as read just now from both servers and HAProxy. {@code rdsEndpoint}/{@code polardbEndpoint}
 * are the HAProxy servers each endpoint points to; null with {@code haproxyError} when HAProxy
 * could not be read.
 */
record PairReading(SideReading rds, SideReading polardb, Set<String> rdsEndpoint, Set<String> polardbEndpoint,
                   String haproxyError) {
}
