package com.switchback.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production jar, started as a user starts it (embedded PostgreSQL, simulated fleet) on free
 * ports, with its database reachable so a test can pick clusters in the states it needs.
 */
public final class RunningJar implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public final int port;
    public final int databasePort;
    public final Path log;
    public final Duration startUp;
    private final Process process;

    private RunningJar(int port, int databasePort, Path log, Process process, Duration startUp) {
        this.port = port;
        this.databasePort = databasePort;
        this.log = log;
        this.process = process;
        this.startUp = startUp;
    }

    /** Starts the jar in {@code target/} and waits until it is ready and serves its login page. */
    public static RunningJar start(String... extraArguments) throws IOException {
        return startOn(Files.createTempDirectory("switchback-e2e"), extraArguments);
    }

    /** Starts the jar with its embedded PostgreSQL keeping its data in {@code data} (to start again on it). */
    public static RunningJar startOn(Path data, String... extraArguments) throws IOException {
        return startOn(freePort(), data, extraArguments);
    }

    /** The Dockerfile's JVM options that shape the heap the benchmarks measure (DD022). */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseStringDeduplication");

    /** Starts the jar on a port chosen beforehand (an OpenID provider must know its redirect address). */
    public static RunningJar startOn(int port, Path data, String... extraArguments) throws IOException {
        File[] jars = new File("target").listFiles((d, name) -> name.startsWith("switchback-") && name.endsWith(".jar"));
        assertThat(jars).as("the packaged jar in target/ (run after `package`)").hasSize(1);
        int databasePort = freePort();
        Path log = Files.createTempFile(data, "app-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The JVM options the Dockerfile runs the console with (LaunchOptionsTest keeps the two the same).
        command.addAll(JVM_OPTIONS);
        // A benchmark may ask for JVM options (a flight recording, for one): -Dswitchback.bench.jvm="...".
        String jvm = System.getProperty("switchback.bench.jvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jars[0].getAbsolutePath(), "--server.port=" + port,
                "--switchback.embedded.port=" + databasePort,
                "--switchback.embedded.data-dir=" + data.resolve("postgres")));
        command.addAll(List.of(extraArguments));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar jar = new RunningJar(port, databasePort, log, process, null);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .failFast("the application exited; see " + log, () -> !process.isAlive())
                    .until(() -> jar.status("/login") == 200 && jar.ready());
        } catch (RuntimeException e) {
            jar.close();
            throw e;
        }
        return new RunningJar(port, databasePort, log, process, Duration.ofNanos(System.nanoTime() - started));
    }

    /** kill -9: the JVM dies at once, without any shutdown work. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    /** Health UP: start-up work (discovery of the fleet) is done. */
    private boolean ready() {
        try {
            return get("/actuator/health").body().contains("\"status\":\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Logs in through the form over plain HTTP, as a script would (CSRF token from the login page),
     * and returns where the login sent the client: "/" when it succeeded, "/login?error" when not.
     */
    public String logIn(String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the login page").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        var response = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A GET with optional header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The password a browser logs in with: the demo's published one, or {@link #LAB_PASSWORD} for an
     * account this test added itself (a jar with a real backend configured has no demo accounts).
     */
    public String passwordOf(String username) {
        return seeded.contains(username) ? LAB_PASSWORD : "demo";
    }

    public static final String LAB_PASSWORD = "lab-only-password-7f3a";
    private final java.util.Set<String> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Adds an account straight to the jar's database, as an administrator would have created it.
     * Kept on the data folder, so a restart on it finds the account again.
     */
    public RunningJar withAccount(String username, String role) throws SQLException {
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(LAB_PASSWORD);
        try (Connection c = database(); var user = c.prepareStatement(
                "insert into app_user(username, display_name, password_hash) values (?, ?, ?) on conflict do nothing");
             var grant = c.prepareStatement("insert into app_user_role(username, role) values (?, ?) on conflict do nothing")) {
            user.setString(1, username);
            user.setString(2, username);
            user.setString(3, hash);
            user.executeUpdate();
            grant.setString(1, username);
            grant.setString(2, role);
            grant.executeUpdate();
        }
        seeded.add(username);
        return this;
    }

    /** A connection to the application's embedded PostgreSQL. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
