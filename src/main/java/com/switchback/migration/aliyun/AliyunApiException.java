package com.switchback.migration.aliyun;

/**
 * A PolarDB OpenAPI call that failed, in words a DBA can act on, with the service's error code and
 * request id (quote them to Alibaba Cloud support). {@code mayHaveReachedService} tells a caller
 * that a change it asked for may have happened: read the state before deciding, never re-send.
 */
public class AliyunApiException extends RuntimeException {

    private final String code;
    private final boolean transientFailure;
    private final boolean mayHaveReachedService;

    AliyunApiException(String message, String code, String requestId, boolean transientFailure,
                       boolean mayHaveReachedService) {
        super(message + (code == null ? "" : " [" + code + "]") + (requestId == null ? "" : " (request id " + requestId + ")"));
        this.code = code;
        this.transientFailure = transientFailure;
        this.mayHaveReachedService = mayHaveReachedService;
    }

    public String code() {
        return code;
    }

    /** Throttling or a failure in transit: the same read may succeed a moment later. */
    boolean transientFailure() {
        return transientFailure;
    }

    boolean mayHaveReachedService() {
        return mayHaveReachedService;
    }
}
