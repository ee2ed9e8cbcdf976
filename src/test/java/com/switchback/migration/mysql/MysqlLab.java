package com.switchback.migration.mysql;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real servers on loopback for the mysql backend's tests: two MariaDB servers (the "RDS" and the
 * "PolarDB" side: binary logs, GTID, distinct server ids, log_slave_updates) and one HAProxy with
 * its runtime API and the two endpoints, all from Debian's packages. Started once per test JVM;
 * stopped when it ends, also when a test fails. Passwords are made up at start, never stored.
 */
final class MysqlLab {

    static final String RDS_SERVER = "rds";
    static final String POLARDB_SERVER = "polardb";
    static final String RDS_BACKEND = "rds_endpoint";
    static final String POLARDB_BACKEND = "polardb_endpoint";

    private static MysqlLab instance;

    final Path dir;
    final Mariadb rds;
    final Mariadb polardb;
    final int haproxyApiPort = freePort();
    final int rdsEndpointPort = freePort();
    final int polardbEndpointPort = freePort();
    final String adminPassword = secret();
    final String replicationPassword = secret();
    final String appPassword = secret();
    private Process haproxy;

    /** One server: its data folder, port and process. */
    static final class Mariadb {
        final String name;
        final int serverId;
        final Path dir;
        final int port = freePort();
        Process process;

        Mariadb(String name, int serverId, Path root) {
            this.name = name;
            this.serverId = serverId;
            this.dir = root.resolve(name);
        }

        Path socket() {
            return dir.resolve("mysqld.sock");
        }

        /** As root over the Unix socket: for setting the lab up and for looking behind Switchback's back. */
        Connection root() throws SQLException {
            return DriverManager.getConnection("jdbc:mariadb://localhost/?localSocket=" + socket() + "&user=root");
        }
    }

    static synchronized MysqlLab get() {
        if (instance == null) {
            MysqlLab lab = null;
            try {
                lab = new MysqlLab();
                lab.start();
                instance = lab;
            } catch (Exception e) {
                // Whatever did start is stopped: no server is left running after a failed start.
                if (lab != null) {
                    lab.stop();
                }
                throw new IllegalStateException("The MySQL lab could not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "mysql-lab-stop"));
        }
        return instance;
    }

    private MysqlLab() throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        dir = Files.createTempDirectory(target.toAbsolutePath(), "mysql-lab-");
        rds = new Mariadb("rds", 1, dir);
        polardb = new Mariadb("polardb", 2, dir);
    }

    private void start() throws Exception {
        for (Mariadb m : List.of(rds, polardb)) {
            install(m);
            launch(m);
        }
        for (Mariadb m : List.of(rds, polardb)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Connection c = m.root()) {
                    return c.isValid(1);
                }
            });
            createAccounts(m);
        }
        startHaproxy();
        reset();
    }

    private static void install(Mariadb m) throws Exception {
        Files.createDirectories(m.dir);
        // A temporary folder of its own: two labs installing at once (two builds on one machine) never collide in /tmp.
        Files.createDirectories(m.dir.resolve("tmp"));
        run(m.dir.resolve("install.log"), "mariadb-install-db", "--no-defaults", "--datadir=" + m.dir.resolve("data"),
                "--tmpdir=" + m.dir.resolve("tmp"),
                "--user=" + System.getProperty("user.name"), "--auth-root-authentication-method=normal",
                "--skip-test-db");
    }

    private static void launch(Mariadb m) throws IOException {
        m.process = new ProcessBuilder(mariadbd(), "--no-defaults",
                "--datadir=" + m.dir.resolve("data"), "--tmpdir=" + m.dir.resolve("tmp"), "--socket=" + m.socket(), "--pid-file=" + m.dir.resolve("mysqld.pid"),
                "--port=" + m.port, "--bind-address=127.0.0.1", "--user=" + System.getProperty("user.name"),
                "--server-id=" + m.serverId, "--log-bin=" + m.dir.resolve("binlog"), "--log-slave-updates",
                "--binlog-format=ROW", "--gtid-strict-mode=1", "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=16M", "--log-error=" + m.dir.resolve("error.log"))
                .redirectErrorStream(true).redirectOutput(m.dir.resolve("stdout.log").toFile()).start();
    }

    private void createAccounts(Mariadb m) throws SQLException {
        try (Connection c = m.root(); Statement s = c.createStatement()) {
            // Accounts are per server, not replicated: each side has its own.
            s.execute("set sql_log_bin = 0");
            s.execute("create user if not exists 'switchback'@'%' identified by '" + adminPassword + "'");
            s.execute("grant all on *.* to 'switchback'@'%'");
            s.execute("create user if not exists 'repl'@'%' identified by '" + replicationPassword + "'");
            s.execute("grant replication slave on *.* to 'repl'@'%'");
            s.execute("create user if not exists 'app'@'%' identified by '" + appPassword + "'");
            s.execute("grant select, insert on shop.* to 'app'@'%'");
        }
    }

    private void startHaproxy() throws Exception {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, """
                global
                  stats socket ipv4@127.0.0.1:%d level admin
                defaults
                  mode tcp
                  timeout connect 2s
                  timeout client 1h
                  timeout server 1h
                frontend rds_endpoint
                  bind 127.0.0.1:%d
                  default_backend rds_endpoint
                backend rds_endpoint
                  server rds 127.0.0.1:%d
                  server polardb 127.0.0.1:%d disabled
                frontend polardb_endpoint
                  bind 127.0.0.1:%d
                  default_backend polardb_endpoint
                backend polardb_endpoint
                  server polardb 127.0.0.1:%d
                  server rds 127.0.0.1:%d disabled
                """.formatted(haproxyApiPort, rdsEndpointPort, rds.port, polardb.port,
                polardbEndpointPort, polardb.port, rds.port));
        haproxy = new ProcessBuilder(haproxyBinary(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        HaproxyRuntime api = runtime();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> api.activeServers(RDS_BACKEND).contains(RDS_SERVER));
    }

    HaproxyRuntime runtime() {
        return new HaproxyRuntime("127.0.0.1:" + haproxyApiPort);
    }

    /** HAProxy goes away (its runtime API and its endpoints with it). */
    void stopHaproxy() throws InterruptedException {
        if (haproxy != null && haproxy.isAlive()) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    void ensureHaproxy() throws Exception {
        if (haproxy == null || !haproxy.isAlive()) {
            startHaproxy();
        }
    }

    /**
     * The starting point of every test: an empty {@code shop.writes} on both servers, no binary-log
     * history, RDS writable and replicating to a read-only PolarDB, both endpoints at home.
     */
    void reset() throws Exception {
        ensureHaproxy();
        for (Mariadb m : List.of(rds, polardb)) {
            try (Connection c = m.root(); Statement s = c.createStatement()) {
                s.execute("stop slave");
                s.execute("reset slave all");
                s.execute("set global read_only = OFF");
                s.execute("set sql_log_bin = 0");
                s.execute("drop database if exists shop");
                s.execute("create database shop");
                s.execute("create table shop.writes (id bigint primary key, at timestamp(6) not null default current_timestamp(6))");
                s.execute("reset master");
                s.execute("set global gtid_slave_pos = ''");
            }
        }
        sql(polardb, "set global read_only = ON");
        replicate(polardb, rds);
        var h = runtime();
        var servers = List.of(RDS_SERVER, POLARDB_SERVER);
        h.pointTo(RDS_BACKEND, RDS_SERVER, servers);
        h.pointTo(POLARDB_BACKEND, POLARDB_SERVER, servers);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection c = polardb.root()) {
                return MysqlServer.replica(c).map(ReplicaStatus::running).orElse(false);
            }
        });
    }

    /** As after a switch over with endpoints: PolarDB writable, replicating back to a read-only RDS. */
    void resetSwitchedOver() throws Exception {
        reset();
        sql(polardb, "stop slave", "reset slave all", "set global read_only = OFF");
        sql(rds, "set global read_only = ON", "set global gtid_slave_pos = @@global.gtid_current_pos");
        replicate(rds, polardb);
        var h = runtime();
        var servers = List.of(RDS_SERVER, POLARDB_SERVER);
        h.pointTo(RDS_BACKEND, POLARDB_SERVER, servers);
        h.pointTo(POLARDB_BACKEND, RDS_SERVER, servers);
    }

    /** {@code replica} replicates from {@code source} by GTID, from its current position. */
    private void replicate(Mariadb replica, Mariadb source) throws SQLException {
        sql(replica, "change master to master_host = '127.0.0.1', master_port = " + source.port
                + ", master_user = 'repl', master_password = '" + replicationPassword + "', master_use_gtid = slave_pos",
                "start slave");
    }

    /**
     * A table {@code shop.<name>} of {@code rows} rows written on RDS (replicated to PolarDB), and
     * PolarDB caught up with it: a key, text, a decimal, a time and a nullable column.
     */
    void table(String name, int rows) throws Exception {
        sql(rds, "create table shop." + name + " (id bigint primary key, label varchar(40), amount decimal(12,2), "
                + "created datetime, note text null)");
        try (Connection c = rds.root()) {
            c.setAutoCommit(false);
            try (var s = c.prepareStatement("insert into shop." + name + " values (?, ?, ?, '2026-11-28 10:00:00', ?)")) {
                for (int i = 1; i <= rows; i++) {
                    s.setLong(1, i);
                    s.setString(2, "item-" + i);
                    s.setBigDecimal(3, java.math.BigDecimal.valueOf(i * 7L, 2));
                    s.setString(4, i % 7 == 0 ? null : "");
                    s.addBatch();
                    if (i % 10_000 == 0) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
        }
        caughtUp();
    }

    /** Waits until PolarDB has applied everything RDS has written. */
    void caughtUp() throws SQLException {
        String position;
        try (Connection c = rds.root()) {
            position = MysqlServer.writtenPosition(c, MysqlServer.Dialect.MARIADB);
        }
        try (Connection c = polardb.root()) {
            if (!MysqlServer.waitForGtid(c, MysqlServer.Dialect.MARIADB, position, Duration.ofMinutes(10))) {
                throw new IllegalStateException("PolarDB did not catch up with RDS.");
            }
        }
    }

    /** Runs statements as root on {@code server}. */
    static void sql(Mariadb server, String... statements) throws SQLException {
        try (Connection c = server.root(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The properties that register this lab's pair as {@code clusterId}. */
    Map<String, Object> pairProperties(String clusterId) {
        String p = "switchback.mysql.pairs[0].";
        return Map.ofEntries(
                Map.entry(p + "cluster-id", clusterId),
                Map.entry(p + "source-rds-id", "rm-" + clusterId.substring(3)),
                Map.entry(p + "description", "Lab pair"),
                Map.entry(p + "rds.host", "127.0.0.1"),
                Map.entry(p + "rds.port", rds.port),
                Map.entry(p + "rds.user", "switchback"),
                Map.entry(p + "rds.password", adminPassword),
                Map.entry(p + "polardb.host", "127.0.0.1"),
                Map.entry(p + "polardb.port", polardb.port),
                Map.entry(p + "polardb.user", "switchback"),
                Map.entry(p + "polardb.password", adminPassword),
                Map.entry(p + "replication.user", "repl"),
                Map.entry(p + "replication.password", replicationPassword),
                Map.entry(p + "haproxy.runtime-api", "127.0.0.1:" + haproxyApiPort),
                Map.entry(p + "haproxy.rds-endpoint.backend", RDS_BACKEND),
                Map.entry(p + "haproxy.rds-endpoint.host", "127.0.0.1"),
                Map.entry(p + "haproxy.rds-endpoint.port", rdsEndpointPort),
                Map.entry(p + "haproxy.polardb-endpoint.backend", POLARDB_BACKEND),
                Map.entry(p + "haproxy.polardb-endpoint.host", "127.0.0.1"),
                Map.entry(p + "haproxy.polardb-endpoint.port", polardbEndpointPort),
                Map.entry(p + "catch-up-timeout", "PT5S"));
    }

    /** A JDBC address through an endpoint, for the application's account. */
    String endpointUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/shop?connectTimeout=1000&socketTimeout=2000";
    }

    Connection app(int port) throws SQLException {
        return DriverManager.getConnection(endpointUrl(port), "app", appPassword);
    }

    void stop() {
        try {
            stopHaproxy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Mariadb m : List.of(rds, polardb)) {
            if (m.process != null && m.process.isAlive()) {
                m.process.destroy();
                try {
                    if (!m.process.waitFor(30, TimeUnit.SECONDS)) {
                        m.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    m.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover folder under target/ is harmless
        }
    }

    private static void run(Path log, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, binary(command[0]));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static String mariadbd() {
        return binary("mariadbd");
    }

    private static String haproxyBinary() {
        return binary("haproxy");
    }

    /** Debian puts the servers in /usr/sbin, which is not always on a test's PATH. */
    private static String binary(String name) {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return d + "/" + name;
            }
        }
        throw new IllegalStateException(name + " is not installed (`.ci/run` installs it with apt-get).");
    }

    /** Ports handed out in this JVM: the system may offer a port again once its probe socket is closed. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A free port, never one this JVM handed out before (two servers of the lab on one port fail to start). */
    static int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String secret() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
