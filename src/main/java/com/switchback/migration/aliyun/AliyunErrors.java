package com.switchback.migration.aliyun;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ErrorType;
import com.aliyuncs.exceptions.ServerException;
import java.util.Set;

/** Turns the SDK's exceptions and the service's documented error codes into messages a DBA can act on. */
final class AliyunErrors {

    /** The SDK's codes for a request that got no usable answer in transit: it may have arrived. */
    private static final Set<String> IN_TRANSIT = Set.of("SDK.ServerUnreachable", "SDK.ReadTimeout",
            "SDK.RequestTryOrRetryFailed");

    private AliyunErrors() {
    }

    static AliyunApiException translate(String action, ClientException e) {
        String code = e.getErrCode() == null ? "" : e.getErrCode();
        String requestId = e.getRequestId();
        boolean throttled = e.getErrorType() == ErrorType.Throttling || code.startsWith("Throttling");
        boolean server = e instanceof ServerException;
        boolean inTransit = !server && IN_TRANSIT.contains(code);
        boolean serviceBroken = server && Set.of("ServiceUnavailable", "InternalError", "UnknownError").contains(code);
        String message = switch (code) {
            case "InvalidDBClusterId.NotFound", "InvalidDBCluster.NotFound", "Forbidden.ClusterNotFound" ->
                    "The PolarDB cluster does not exist in this region: it may have been released, or it belongs to "
                            + "another region or account. Check its id and region in the Alibaba Cloud console.";
            case "EngineMigration.NotExist" -> "The cluster has no migration from an RDS instance.";
            case "EngineMigrationStatus.NotSurpport", "EngineMigrationStatus.NotSupport" ->
                    "The migration's current status does not allow " + action + ". Wait until the change under way "
                            + "ends (the migration's page shows its status), then make a new request.";
            case "OperationDenied.DBClusterStatus", "IncorrectDBClusterState" ->
                    "The cluster's state does not allow " + action + " now (it is being created, changed or "
                            + "restarted). Wait until the cluster is Running, then retry.";
            case "OperationDenied.LockMode" -> "The cluster is locked (for example for an overdue payment or a full "
                    + "disk), so " + action + " is refused. Unlock it in the Alibaba Cloud console, then retry.";
            case "InvalidConnectionString.Malformed" -> "Alibaba Cloud found an endpoint's connection string "
                    + "malformed. Check both sides' endpoints in the Alibaba Cloud console; switch without swapping "
                    + "endpoints if they cannot be fixed now.";
            case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId" -> "The AccessKey ID is not known to Alibaba "
                    + "Cloud: set switchback.aliyun.access-key-id to an active key of the RAM user.";
            case "InvalidAccessKeyId.Inactive" -> "The AccessKey is disabled: enable it in the RAM console or use another.";
            case "SignatureDoesNotMatch" -> "The AccessKey secret does not match its ID: set "
                    + "switchback.aliyun.access-key-secret to the secret of that key.";
            case "IncompleteSignature" -> "Alibaba Cloud found the request's signature incomplete: a proxy between "
                    + "Switchback and the service may be rewriting requests. Check switchback.aliyun.proxy.";
            case "InvalidTimeStamp.Expired", "InvalidTimeStamp.Format" -> "Alibaba Cloud refused the request's "
                    + "time stamp: this machine's clock is more than 15 minutes off. Synchronise it (NTP), then retry.";
            case "SignatureNonceUsed" -> "Alibaba Cloud saw this request's nonce before: it was not carried out. Retry.";
            case "SDK.InvalidAccessSecret", "SDK.InvalidAccessKeySecret" -> "The AccessKey secret is missing or "
                    + "empty: set switchback.aliyun.access-key-secret.";
            case "SDK.InvalidServerResponse", "SDK.UnmarshalFailed" -> "The answer to " + action + " was not the "
                    + "PolarDB OpenAPI's: check switchback.aliyun.endpoint, endpoints and proxy (a proxy or captive "
                    + "portal may be answering instead).";
            case "SDK.InvalidProxy" -> "switchback.aliyun.proxy is not a valid proxy address (http://host:port).";
            case "SDK.InvalidProfile", "SDK.InvalidRegionId", "SDK.EndpointResolvingError" -> "The region or the "
                    + "API host is not valid: check switchback.aliyun.regions and endpoints.";
            case "Forbidden.RAM", "Forbidden", "NoPermission" -> "The RAM user or role may not call " + action
                    + ": grant it polardb:" + action + " in its policy.";
            default -> throttled ? "Alibaba Cloud is throttling the calls of this account (" + action + ")."
                    : inTransit ? "The PolarDB OpenAPI could not be reached for " + action + ": " + e.getErrMsg()
                    : serviceBroken ? "The PolarDB OpenAPI failed for " + action + ": " + e.getErrMsg()
                    : action + " was refused: " + e.getErrMsg();
        };
        // "Unreachable" is also what a connection reset after sending looks like: the request may have arrived.
        boolean mayHaveReached = serviceBroken || inTransit;
        return new AliyunApiException(message, code.isEmpty() ? null : code, requestId,
                throttled || inTransit || serviceBroken, mayHaveReached);
    }
}
