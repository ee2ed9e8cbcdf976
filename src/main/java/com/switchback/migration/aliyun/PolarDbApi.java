package com.switchback.migration.aliyun;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PolarDB OpenAPI (RPC style, version 2017-08-01), called through Alibaba Cloud's SDK core,
 * which signs every request, on the host its region documents ({@link PolarDbHosts}). Reads are
 * retried here, with backoff, when throttled or lost in transit; changes are sent once. The SDK
 * retries nothing itself: in SDK core 4.7 a client's retry policy is {@code RetryPolicy.none()}
 * unless one is set (its {@code setAutoRetry} no longer changes that), and a test pins it.
 */
class PolarDbApi {

    static final String VERSION = "2017-08-01";

    private final AliyunProperties properties;
    private final Map<String, IAcsClient> clients = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    /** After throttling outlasted the retries, reads of this account wait until then (System.nanoTime). */
    private volatile long pausedUntil;

    private final PolarDbHosts hosts;

    PolarDbApi(AliyunProperties properties) {
        this.properties = properties;
        this.hosts = new PolarDbHosts(properties.endpoint(), properties.endpoints());
    }

    /** A read: retried with backoff while throttled or failing in transit. */
    JsonNode read(String region, String action, Map<String, String> parameters) {
        long waitLeft = pausedUntil - System.nanoTime();
        if (waitLeft > 0) {
            throw new AliyunApiException("Alibaba Cloud is throttling the calls of this account; reading again in "
                    + Math.max(1, waitLeft / 1_000_000_000L) + " s.", "Throttling", null, true, false);
        }
        long pause = properties.backoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return call(region, action, parameters);
            } catch (AliyunApiException e) {
                if (!e.transientFailure() || attempt >= properties.maxAttempts()) {
                    if (e.code() != null && e.code().startsWith("Throttling")) {
                        pausedUntil = System.nanoTime() + pause;
                    }
                    throw e;
                }
                LockSupport.parkNanos(pause);
                pause *= 2;
            }
        }
    }

    /** A change: sent exactly once. The caller re-reads the state when the outcome is unknown. */
    JsonNode change(String region, String action, Map<String, String> parameters) {
        return call(region, action, parameters);
    }

    private JsonNode call(String region, String action, Map<String, String> parameters) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(hosts.forRegion(region));
        request.setSysProtocol("http".equalsIgnoreCase(properties.protocol()) ? ProtocolType.HTTP : ProtocolType.HTTPS);
        request.setSysVersion(VERSION);
        request.setSysAction(action);
        request.setSysRegionId(region);
        request.setSysConnectTimeout(5_000);
        request.setSysReadTimeout(15_000);
        request.putQueryParameter("RegionId", region);
        parameters.forEach(request::putQueryParameter);
        try {
            return json.readTree(client(region).getCommonResponse(request).getData());
        } catch (ClientException e) {
            throw AliyunErrors.translate(action, e);
        }
    }

    private IAcsClient client(String region) {
        return clients.computeIfAbsent(region, r -> {
            DefaultProfile profile = DefaultProfile.getProfile(r);
            if (!properties.proxy().isEmpty()) {
                HttpClientConfig http = HttpClientConfig.getDefault();
                http.setHttpProxy(properties.proxy());
                http.setHttpsProxy(properties.proxy());
                profile.setHttpClientConfig(http);
            }
            return new DefaultAcsClient(profile, credentials());
        });
    }

    private AlibabaCloudCredentialsProvider credentials() {
        if (StringUtils.hasText(properties.accessKeyId()) && !StringUtils.hasText(properties.accessKeySecret())) {
            // The SDK would sign with an empty secret and send: say it here, before anything goes out.
            throw new AliyunApiException("The AccessKey secret is missing or empty: set switchback.aliyun.access-key-secret.",
                    "SDK.InvalidAccessSecret", null, false, false);
        }
        if (StringUtils.hasText(properties.accessKeyId())) {
            return new StaticCredentialsProvider(StringUtils.hasText(properties.securityToken())
                    ? new BasicSessionCredentials(properties.accessKeyId(), properties.accessKeySecret(), properties.securityToken())
                    : new BasicCredentials(properties.accessKeyId(), properties.accessKeySecret()));
        }
        try {
            return new DefaultCredentialsProvider();
        } catch (ClientException e) {
            throw AliyunErrors.translate("signing in", e);
        }
    }
}
