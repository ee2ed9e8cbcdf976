package com.switchback.migration.aliyun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own stand-in for the PolarDB OpenAPI (RPC style, 2017-08-01), for contract tests, shaped by
 * the API reference and the user guide rather than by what the backend expects. It is reached as an
 * HTTP proxy, so each request names the host it was meant for, and a request on the wrong host for
 * its region is refused. It checks every request's signature (HMAC-SHA1, signature version 1.0) and
 * its time stamp (15 minutes either way); it keeps migrations that move through the documented
 * statuses over time, starting a while after a change is accepted (a configurable lag); it answers
 * in the documented JSON shapes ({@code MigrationStatus = NO_MIGRATION}, {@code Engine = POLARDB} with
 * the edition in {@code DBType}), errors and throttling included. It is not Alibaba Cloud.
 */
final class FakePolarDb implements AutoCloseable {

    static final String ACCESS_KEY_ID = "LTAI-test-key";
    static final String REGION = "cn-hangzhou";

    /** One endpoint address as {@code DescribeDBClusterMigration} lists it. */
    record Address(String endpointType, String netType, int port) {
    }

    /** One cluster and its migration, as the service would keep it. */
    static final class Cluster {
        final String id;
        final String rdsId;
        final String region;
        volatile String dbType = "MySQL";
        volatile String srcDbType = "RDS";
        final List<Address> rdsAddresses = new CopyOnWriteArrayList<>(List.of(new Address("Normal", "Private", 3306)));
        final List<Address> polardbAddresses = new CopyOnWriteArrayList<>(List.of(new Address("Cluster", "Private", 3306)));
        /** An accepted change that the service has not started yet (the lag), and when it starts. */
        volatile Runnable accepted;
        volatile Instant acceptedStartsAt;
        volatile String status;
        volatile String rdsMode;
        volatile String clusterMode;
        volatile String topology;
        volatile int delay;
        volatile String comment = "";
        volatile boolean swapped;
        volatile String pending;
        volatile Instant pendingUntil;
        /** After a rollback, report the sync direction as the vendor's user guide does (PolarDB → RDS). */
        volatile boolean rollbackReportsPolardbToRds;

        Cluster(String id, String region, String status) {
            this.id = id;
            this.rdsId = "rm-" + id.substring(3);
            this.region = region;
            settle(status);
        }

        /** The usual modes and link of a status. */
        void settle(String s) {
            status = s;
            switch (s) {
                case "RDS2POLARDB_SYNCING", "RDS2POLARDB_CLONING" -> { rdsMode = "rw"; clusterMode = "ro"; topology = "RDS2POLARDB"; }
                case "POLARDB2RDS_SYNCING" -> { rdsMode = "ro"; clusterMode = "rw"; topology = "POLARDB2RDS"; }
                default -> { rdsMode = "rw"; clusterMode = "rw"; topology = ""; }
            }
        }
    }

    private static FakePolarDb shared;

    /** One stand-in per test JVM, so the tests that use it share one application context. */
    static synchronized FakePolarDb shared() {
        if (shared == null) {
            try {
                shared = new FakePolarDb(HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** A region the documented endpoint list serves from its own host. */
    static final String REGIONAL = "ap-southeast-1";

    /**
     * The account settings that point the {@code aliyun} backend at this stand-in: the hosts are
     * resolved as in production, and the calls go through this stand-in as their proxy.
     */
    void register(DynamicPropertyRegistry r) {
        r.add("switchback.aliyun.enabled", () -> "true");
        r.add("switchback.aliyun.regions[0]", () -> REGION);
        r.add("switchback.aliyun.regions[1]", () -> REGIONAL);
        r.add("switchback.aliyun.proxy", () -> "http://" + endpoint());
        r.add("switchback.aliyun.protocol", () -> "http");
        r.add("switchback.aliyun.accept-grace", () -> "PT2S");
        r.add("switchback.aliyun.access-key-id", () -> ACCESS_KEY_ID);
        r.add("switchback.aliyun.access-key-secret", () -> secret);
        r.add("switchback.aliyun.active-poll", () -> "PT0.05S");
        r.add("switchback.aliyun.idle-poll", () -> "PT1S");
        r.add("switchback.aliyun.transition-timeout", () -> "PT20S");
        r.add("switchback.aliyun.backoff", () -> "PT0.02S");
    }

    /** Account settings for one region, as {@link #register} gives them, with another secret. */
    AliyunProperties properties(String region, String accessKeySecret) {
        Duration second = Duration.ofSeconds(1);
        return new AliyunProperties(true, List.of(region), "", Map.of(), "http://" + endpoint(), "http", ACCESS_KEY_ID,
                accessKeySecret, null, second, second, second, second, 1, Duration.ofMillis(10), Map.of());
    }

    /** Forgets the faults a test set up and what it saw. */
    void reset() {
        throttleNext.set(0);
        forbidden.clear();
        loseAnswerOf.clear();
        unavailableRegions.clear();
        changes.clear();
        badSignatures.set(0);
        wrongHosts.set(0);
        failNext.clear();
        lag = Duration.ZERO;
        clockSkew = Duration.ZERO;
        noMigrationAsError = false;
    }

    /**
     * The host the PolarDB API's documented endpoint list gives a region: the central host for a few
     * central regions, {@code polardb.<region>.aliyuncs.com} for the others. Written out here on its
     * own, from the documentation, not from the backend's table.
     */
    static String documentedHost(String region) {
        return switch (region) {
            case "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-qingdao" -> "polardb.aliyuncs.com";
            default -> "polardb." + region + ".aliyuncs.com";
        };
    }

    private final String secret;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    final Map<String, Cluster> clusters = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> changes = new CopyOnWriteArrayList<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicInteger wrongHosts = new AtomicInteger();
    /** A documented error to answer once, by action: {action → [HTTP status, code, message]}. */
    final Map<String, String[]> failNext = new ConcurrentHashMap<>();
    /** How long after accepting a change the service starts it (the status lags behind the answer). */
    volatile Duration lag = Duration.ZERO;
    /** How far this stand-in's clock is ahead of the caller's, for the time stamp window. */
    volatile Duration clockSkew = Duration.ZERO;
    /** Say "no migration" as the undocumented error code instead of the documented answer. */
    volatile boolean noMigrationAsError;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    final AtomicInteger throttleNext = new AtomicInteger();
    final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    final Set<String> loseAnswerOf = ConcurrentHashMap.newKeySet();
    final Set<String> unavailableRegions = ConcurrentHashMap.newKeySet();
    volatile Duration transition = Duration.ofMillis(400);

    FakePolarDb(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String secret() {
        return secret;
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Cluster add(String id, String status) {
        return add(id, REGION, status);
    }

    Cluster add(String id, String region, String status) {
        Cluster c = new Cluster(id, region, status);
        clusters.put(id, c);
        return c;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> p = new TreeMap<>(parse(x.getRequestURI().getRawQuery()));
            p.putAll(parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String action = p.getOrDefault("Action", "");
            calls.add(action);
            if (!signatureValid(x.getRequestMethod(), p)) {
                badSignatures.incrementAndGet();
                error(x, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
                return;
            }
            String host = x.getRequestHeaders().getFirst("Host");
            String region = p.getOrDefault("RegionId", "");
            if (host == null || !host.replaceFirst(":\\d+$", "").equals(documentedHost(region))) {
                wrongHosts.incrementAndGet();
                error(x, 400, "InvalidRegionId", "The specified region is not served by this endpoint (" + host + ").");
                return;
            }
            if (!withinWindow(p.get("Timestamp"))) {
                error(x, 400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
                return;
            }
            if (!ACCESS_KEY_ID.equals(p.get("AccessKeyId"))) {
                error(x, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
                return;
            }
            if (!PolarDbApi.VERSION.equals(p.get("Version")) || !"JSON".equalsIgnoreCase(p.getOrDefault("Format", "JSON"))) {
                error(x, 400, "InvalidVersion", "Specified parameter Version is not valid.");
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(x, 400, "Throttling.User", "Request was denied due to user flow control.");
                return;
            }
            if (unavailableRegions.contains(p.get("RegionId"))) {
                error(x, 503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
                return;
            }
            String[] planned = failNext.remove(action);
            if (planned != null) {
                error(x, Integer.parseInt(planned[0]), planned[1], planned[2]);
                return;
            }
            if (forbidden.contains(action)) {
                error(x, 403, "Forbidden.RAM", "User not authorized to operate on the specified resource, or this API doesn't support RAM.");
                return;
            }
            switch (action) {
                case "DescribeDBClusters" -> describeClusters(x, p);
                case "DescribeDBClusterMigration" -> withCluster(x, p, c -> describeMigration(x, c));
                case "ModifyDBClusterMigration" -> withCluster(x, p, c -> modify(x, c, p));
                case "CloseDBClusterMigration" -> withCluster(x, p, c -> close(x, c, p));
                default -> error(x, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
            }
        }
    }

    @FunctionalInterface
    private interface OnCluster {
        void run(Cluster c) throws IOException;
    }

    private void withCluster(HttpExchange x, Map<String, String> p, OnCluster then) throws IOException {
        Cluster c = clusters.get(p.getOrDefault("DBClusterId", ""));
        if (c == null || !c.region.equals(p.get("RegionId"))) {
            error(x, 404, "InvalidDBClusterId.NotFound", "Specified DBClusterId does not exist.");
            return;
        }
        advance(c);
        then.run(c);
    }

    /** Time moves on: an accepted change starts after the lag, a transition ends once its time has come. */
    private static void advance(Cluster c) {
        Runnable start = c.accepted;
        if (start != null && !Instant.now().isBefore(c.acceptedStartsAt)) {
            c.accepted = null;
            start.run();
        }
        if (c.pending != null && Instant.now().isAfter(c.pendingUntil)) {
            boolean rolledBack = "ROLLBACK".equals(c.status);
            c.settle(c.pending);
            if (rolledBack && c.rollbackReportsPolardbToRds) {
                c.status = "POLARDB2RDS_SYNCING";
                c.topology = "POLARDB2RDS";
            }
            c.pending = null;
        }
    }

    private void describeClusters(HttpExchange x, Map<String, String> p) throws IOException {
        int size = Integer.parseInt(p.getOrDefault("PageSize", "30"));
        int page = Integer.parseInt(p.getOrDefault("PageNumber", "1"));
        List<Cluster> inRegion = clusters.values().stream().filter(c -> c.region.equals(p.get("RegionId")))
                .sorted((a, b) -> a.id.compareTo(b.id)).toList();
        List<Map<String, Object>> items = inRegion.stream().skip((long) (page - 1) * size).limit(size)
                .map(c -> Map.<String, Object>of("DBClusterId", c.id, "DBClusterDescription", "Fake " + c.id,
                        "RegionId", c.region, "Engine", "POLARDB", "DBType", c.dbType, "DBVersion", "8.0",
                        "DBClusterStatus", "Running"))
                .toList();
        ok(x, Map.of("RequestId", requestId(), "PageNumber", page, "PageRecordCount", items.size(),
                "TotalRecordCount", inRegion.size(), "Items", Map.of("DBCluster", items)));
    }

    private void describeMigration(HttpExchange x, Cluster c) throws IOException {
        if (noMigrationAsError && "NO_MIGRATION".equals(c.status) && c.pending == null) {
            error(x, 404, "EngineMigration.NotExist", "The migration does not exist.");
            return;
        }
        Map<String, Object> r = new TreeMap<>();
        r.put("RequestId", requestId());
        r.put("DBClusterId", c.id);
        r.put("SourceRDSDBInstanceId", c.rdsId);
        r.put("MigrationStatus", c.status);
        r.put("Topologies", c.topology);
        r.put("DelayedSeconds", c.delay);
        r.put("ExpiredTime", Instant.now().plus(Duration.ofDays(20)).toString().replaceAll("\\.\\d+Z$", "Z"));
        r.put("Comment", c.comment);
        r.put("RdsReadWriteMode", c.rdsMode);
        r.put("DBClusterReadWriteMode", c.clusterMode);
        r.put("SrcDbType", c.srcDbType);
        if ("NO_MIGRATION".equals(c.status)) {
            r.put("Topologies", "");
        }
        r.put("DBClusterEndpointList", endpoints(c.polardbAddresses, "pe-" + c.id.substring(3),
                (c.swapped ? c.rdsId : c.id) + ".mysql.polardb.rds.aliyuncs.com"));
        r.put("RdsEndpointList", endpoints(c.rdsAddresses, c.rdsId, (c.swapped ? c.id : c.rdsId) + ".mysql.rds.aliyuncs.com"));
        ok(x, r);
    }

    /** One endpoint per type, each with its addresses (private, public) as {@code AddressItems}. */
    private static List<Map<String, Object>> endpoints(List<Address> addresses, String id, String host) {
        Map<String, List<Address>> byType = new TreeMap<>(addresses.stream()
                .collect(Collectors.groupingBy(Address::endpointType)));
        return byType.entrySet().stream().map(e -> Map.<String, Object>of(
                "DBEndpointId", id + "-" + e.getKey().toLowerCase(), "EndpointType", e.getKey(),
                "AddressItems", e.getValue().stream().map(a -> Map.of(
                        "ConnectionString", ("Public".equals(a.netType()) ? "pub-" : "") + host,
                        "Port", String.valueOf(a.port()), "NetType", a.netType(), "IPAddress", "10.0.0.1")).toList()))
                .toList();
    }

    private void modify(HttpExchange x, Cluster c, Map<String, String> p) throws IOException {
        String master = p.getOrDefault("NewMasterInstanceId", "");
        String swap = p.getOrDefault("SwapConnectionString", "");
        if (!c.rdsId.equals(p.get("SourceRDSDBInstanceId")) || !Set.of("true", "false").contains(swap)) {
            error(x, 400, "InvalidParameter", "The specified parameter is not valid.");
            return;
        }
        boolean switchOver = master.equals(c.id) && "RDS2POLARDB_SYNCING".equals(c.status) && c.pending == null;
        boolean rollBack = master.equals(c.rdsId) && "POLARDB2RDS_SYNCING".equals(c.status) && c.pending == null;
        if (!switchOver && !rollBack) {
            error(x, 400, "EngineMigrationStatus.NotSurpport", "Current engine migration status does not support this operation.");
            return;
        }
        changes.add(Map.copyOf(p));
        accept(c, () -> {
            c.status = switchOver ? "SWITCHING" : "ROLLBACK";
            c.rdsMode = "ro";
            c.clusterMode = "ro";
            // As the vendor documents it: "The system swaps the endpoints between the source … and the destination".
            if (Boolean.parseBoolean(swap)) {
                c.swapped = !c.swapped;
            }
            c.pending = switchOver ? "POLARDB2RDS_SYNCING" : "RDS2POLARDB_SYNCING";
            c.pendingUntil = Instant.now().plus(transition);
        });
        answer(x, "ModifyDBClusterMigration");
    }

    private void close(HttpExchange x, Cluster c, Map<String, String> p) throws IOException {
        if (!Set.of("RDS2POLARDB_CLONING", "RDS2POLARDB_SYNCING", "POLARDB2RDS_SYNCING").contains(c.status) || c.pending != null) {
            error(x, 400, "EngineMigrationStatus.NotSurpport", "Current engine migration status does not support this operation.");
            return;
        }
        changes.add(Map.copyOf(p));
        accept(c, () -> {
            c.status = "CLOSING_MIGRATION";
            c.pending = "NO_MIGRATION";
            c.pendingUntil = Instant.now().plus(transition);
        });
        answer(x, "CloseDBClusterMigration");
    }

    /**
     * The service answers at once and starts the change later (the user guide: "the system stops data
     * synchronization within about 2 minutes. During this process, the Complete Migration button is
     * still available"): while it lags, the migration shows its earlier status and a second call is taken too.
     */
    private void accept(Cluster c, Runnable change) {
        if (lag.isZero()) {
            c.accepted = null;
            change.run();
            return;
        }
        c.acceptedStartsAt = Instant.now().plus(lag);
        c.accepted = change;
    }

    /** Signature version 1.0 refuses a time stamp more than 15 minutes from the service's clock. */
    private boolean withinWindow(String timestamp) {
        try {
            Instant at = Instant.parse(timestamp);
            return Duration.between(at, Instant.now().plus(clockSkew)).abs().compareTo(Duration.ofMinutes(15)) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Answers a change — or, when asked to, carries it out and loses the answer (the connection drops). */
    private void answer(HttpExchange x, String action) throws IOException {
        if (loseAnswerOf.remove(action)) {
            return;
        }
        ok(x, Map.of("RequestId", requestId()));
    }

    // --- signature version 1.0: HMAC-SHA1 over the sorted, percent-encoded parameters ---

    private boolean signatureValid(String method, Map<String, String> p) {
        String given = p.get("Signature");
        if (given == null || !"HMAC-SHA1".equals(p.get("SignatureMethod")) || !"1.0".equals(p.get("SignatureVersion"))
                || p.get("Timestamp") == null || p.get("SignatureNonce") == null || !nonces.add(p.get("SignatureNonce"))) {
            return false;
        }
        String canonical = p.entrySet().stream().filter(e -> !e.getKey().equals("Signature"))
                .map(e -> percent(e.getKey()) + "=" + percent(e.getValue())).collect(Collectors.joining("&"));
        String toSign = method + "&" + percent("/") + "&" + percent(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(given);
        } catch (Exception e) {
            return false;
        }
    }

    private static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private void ok(HttpExchange x, Object body) throws IOException {
        send(x, 200, body);
    }

    private void error(HttpExchange x, int status, String code, String message) throws IOException {
        send(x, status, Map.of("RequestId", requestId(), "HostId", "polardb.aliyuncs.com", "Code", code, "Message", message,
                "Recommend", "https://api.aliyun.com/troubleshoot"));
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static String requestId() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    List<String> changeActions() {
        return Collections.unmodifiableList(new ArrayList<>(changes.stream().map(m -> m.get("Action")).toList()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
