package com.switchback.migration.aliyun;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.exceptions.ServerException;

/** Turns the SDK's exceptions into messages a DBA can act on. */
final class AliyunErrors {

    private AliyunErrors() {
    }

    static AliyunApiException translate(String action, ClientException e) {
        String code = e.getErrCode();
        String requestId = e.getRequestId();
        boolean throttled = e.getErrorType() == ErrorType.Throttling || (code != null && code.startsWith("Throttling"));
        boolean server = e instanceof ServerException;
        // The SDK reports failures in transit (no answer, timeouts) as client errors with SDK.* codes.
        boolean inTransit = !server && code != null && code.startsWith("SDK.")
                && !code.equals("SDK.InvalidProfile") && !code.equals("SDK.InvalidRegionId");
        boolean serviceBroken = server && ("ServiceUnavailable".equals(code) || "InternalError".equals(code)
                || "UnknownError".equals(code));
        String message = switch (code == null ? "" : code) {
            case "InvalidDBClusterId.NotFound" -> "The PolarDB cluster does not exist in this region.";
            case "EngineMigration.NotExist" -> "The cluster has no migration from an RDS instance.";
            case "EngineMigrationStatus.NotSurpport", "EngineMigrationStatus.NotSupport" ->
                    "The migration's current status does not allow " + action + ".";
            case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId" -> "The AccessKey ID is not known to Alibaba Cloud.";
            case "SignatureDoesNotMatch", "IncompleteSignature" -> "The AccessKey secret does not match its ID.";
            case "Forbidden.RAM", "Forbidden", "NoPermission" -> "The RAM user or role may not call " + action
                    + ": grant it polardb:" + action + " in its policy.";
            default -> throttled ? "Alibaba Cloud is throttling the calls of this account (" + action + ")."
                    : inTransit ? "The PolarDB OpenAPI could not be reached for " + action + ": " + e.getErrMsg()
                    : serviceBroken ? "The PolarDB OpenAPI failed for " + action + ": " + e.getErrMsg()
                    : action + " was refused: " + e.getErrMsg();
        };
        // "Unreachable" is also what a connection reset after sending looks like: the request may have arrived.
        boolean mayHaveReached = serviceBroken || inTransit;
        return new AliyunApiException(message, code, requestId, throttled || inTransit || serviceBroken, mayHaveReached);
    }
}
