package steppe;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community embedded with a Bolt connector on 127.0.0.1, for local development and tests.
 *
 * <p>Protocol with the Node wrapper (packages/neo4j-local/src): one line {@code STEPPE_NEO4J_READY <uri>}
 * on stdout once the default database accepts work; errors are single lines on stderr prefixed with
 * {@code steppe-neo4j:}; the exit code says what went wrong. The wrapper keeps our stdin open for as
 * long as it lives, so EOF on stdin means the parent is gone and we must not outlive it.
 *
 * <p>Usage: {@code Neo4jLauncher [--port N] [--data-dir DIR] [--no-auth] [--page-cache SIZE]
 * [--tx-timeout DURATION]}; the password comes from the environment (NEO4J_PASSWORD) so it never
 * shows up in {@code ps}. Each option also falls back to an environment variable, see {@link #main}.
 */
public final class Neo4jLauncher {
    static final String READY_MARKER = "STEPPE_NEO4J_READY";
    static final int EXIT_USAGE = 2;
    static final int EXIT_PORT_IN_USE = 3;
    static final int EXIT_START_FAILED = 4;

    private static final String DEFAULT_DATABASE = "neo4j";
    private static final String ADMIN_USER = "neo4j";
    private static final long AVAILABILITY_TIMEOUT_MS = 300_000;

    private static volatile DatabaseManagementService dbms;

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        Map<String, String> opts;
        try {
            opts = parseArgs(args);
        } catch (IllegalArgumentException e) {
            fail(EXIT_USAGE, e.getMessage());
            return;
        }
        int port = parsePort(option(opts, "port", "NEO4J_PORT", "7687"));
        Path home = Path.of(option(opts, "data-dir", "NEO4J_DATA_DIR", defaultDataDir().toString()))
                .toAbsolutePath()
                .normalize();
        boolean auth = !opts.containsKey("no-auth") && !"none".equalsIgnoreCase(System.getenv("NEO4J_AUTH"));
        String password = System.getenv("NEO4J_PASSWORD");
        String pageCache = option(opts, "page-cache", "NEO4J_PAGECACHE", "256m");
        String txTimeout = option(opts, "tx-timeout", "NEO4J_TX_TIMEOUT", "0s");

        if (auth && (password == null || password.length() < 8)) {
            fail(EXIT_USAGE, "auth is enabled but NEO4J_PASSWORD is missing or shorter than 8 characters (or pass --no-auth)");
        }

        // Started before the DBMS: a parent that dies while we are still starting must not leave us behind.
        watchStdinForParentExit();
        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLauncher::shutdown, "steppe-neo4j-shutdown"));

        // Neo4j reports a taken port only after several seconds of startup, buried in a lifecycle
        // exception; probing first gives the caller an immediate, unambiguous answer.
        if (!portIsFree(port)) {
            fail(EXIT_PORT_IN_USE, "port " + port + " on 127.0.0.1 is already in use");
        }

        try {
            Files.createDirectories(home);
            if (auth && isNewStore(home)) {
                writeInitialPassword(home, password);
            }
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    // Nothing but Bolt: no HTTP, no server-side routing port, so several instances
                    // (dev server + test runs) can coexist without fighting over 7474/7688.
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.routing_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Netty waits for a 5 s quiet period per event loop group on shutdown, which made
                    // every stop take 11 s. The databases are already closed by then; nothing is lost.
                    // (Internal settings: fine with the pinned version, revisit when bumping it.)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth);
            setParsed(builder, GraphDatabaseSettings.pagecache_memory, pageCache);
            setParsed(builder, GraphDatabaseSettings.transaction_timeout, txTimeout);
            dbms = builder.build();
        } catch (Throwable e) {
            if (causedByBind(e)) {
                fail(EXIT_PORT_IN_USE, "port " + port + " on 127.0.0.1 is already in use");
            }
            fail(EXIT_START_FAILED, "Neo4j failed to start: " + rootMessage(e) + " (see " + home.resolve("logs") + ")");
        }

        try {
            if (!dbms.database(DEFAULT_DATABASE).isAvailable(AVAILABILITY_TIMEOUT_MS)) {
                fail(EXIT_START_FAILED, "database '" + DEFAULT_DATABASE + "' did not become available within "
                        + Duration.ofMillis(AVAILABILITY_TIMEOUT_MS).toSeconds() + "s");
            }
            if (auth) {
                removeInitialPasswordFile(home);
                if (!passwordIsSet(password)) {
                    setPassword(password);
                }
            }
        } catch (Throwable e) {
            fail(EXIT_START_FAILED, "Neo4j failed to start: " + rootMessage(e));
        }

        System.out.println(READY_MARKER + " bolt://127.0.0.1:" + port);
        System.out.flush();
        warmUpCypherInBackground();
        // main returns; Neo4j's non-daemon threads keep the JVM alive until a signal or stdin EOF.
    }

    private static boolean isNewStore(Path home) {
        return !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
    }

    /**
     * A new store takes its first user from auth.ini (what {@code neo4j-admin dbms set-initial-password}
     * writes), which spares the start a Cypher statement: the first one costs ~2.5 s of class loading
     * and compilation, over a third of a start. Best effort: {@link #passwordIsSet} checks the outcome
     * and falls back to ALTER USER, so a change in these internal classes costs speed, not correctness.
     */
    private static void writeInitialPassword(Path home, String password) {
        try {
            Path file = initialPasswordFile(home);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            FileUserRepository repository = new FileUserRepository(
                    new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repository.start();
            try {
                repository.create(new User(ADMIN_USER, null, SystemGraphCredential.createCredentialForPassword(
                        password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            } finally {
                repository.shutdown();
            }
        } catch (Throwable e) {
            System.err.println("steppe-neo4j: could not pre-set the initial password (" + rootMessage(e)
                    + "); setting it with Cypher instead");
        }
    }

    private static Path initialPasswordFile(Path home) {
        return CommunitySecurityModule.getInitialUserRepositoryFile(
                Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build());
    }

    /**
     * Neo4j reads auth.ini only when it creates the security graph, and leaves it behind. A stale copy
     * would resurrect an old password if someone deleted just the system database, so it goes.
     */
    private static void removeInitialPasswordFile(Path home) {
        try {
            Files.deleteIfExists(initialPasswordFile(home));
        } catch (Throwable ignored) {
            // Harmless leftover.
        }
    }

    /** Reads the security graph directly: answering this through Cypher would cost what auth.ini saved. */
    private static boolean passwordIsSet(String password) {
        try (Transaction tx = dbms.database("system").beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", ADMIN_USER);
            if (user == null || !Boolean.FALSE.equals(user.getProperty("passwordChangeRequired", null))) {
                return false;
            }
            Object credentials = user.getProperty("credentials", null);
            return credentials instanceof String serialized
                    && SystemGraphCredential.deserialize(serialized, new SecureHasher())
                            .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Without the password statement the first client query would pay for loading the Cypher stack;
     * doing it right after the ready line overlaps that with the client's own startup.
     */
    private static void warmUpCypherInBackground() {
        Thread warmer = new Thread(() -> {
            try {
                DatabaseManagementService service = dbms;
                if (service != null) {
                    service.database(DEFAULT_DATABASE).executeTransactionally("RETURN 1");
                }
            } catch (Throwable ignored) {
                // Only an optimisation; a shutdown racing it is fine.
            }
        }, "steppe-neo4j-warmup");
        warmer.setDaemon(true);
        warmer.start();
    }

    /**
     * The configured password is authoritative for the data dir on every start, not just the first:
     * otherwise a reused data dir silently keeps an old password and every client fails to log in.
     */
    private static void setPassword(String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + ADMIN_USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value, which is exactly what we want.
            String message = String.valueOf(rootMessage(e));
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void shutdown() {
        DatabaseManagementService service = dbms;
        if (service != null) {
            dbms = null;
            try {
                service.shutdown();
            } catch (Throwable e) {
                System.err.println("steppe-neo4j: error during shutdown: " + rootMessage(e));
            }
        }
    }

    private static void watchStdinForParentExit() {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            InputStream in = System.in;
            try {
                while (in.read(buffer) != -1) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF: the parent is gone.
            }
            // System.exit runs the shutdown hook, so the store is closed cleanly.
            System.exit(0);
        }, "steppe-neo4j-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same option Netty sets, so a port in TIME_WAIT counts as free just as it will for Neo4j.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("PortBindException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getName() : message.replace('\n', ' ');
    }

    /** Uses Neo4j's own parsers so values read exactly like neo4j.conf ("512m", "30s", "1h"). */
    @SuppressWarnings("unchecked")
    private static <T> void setParsed(DatabaseManagementServiceBuilder builder, Setting<T> setting, String raw) {
        T value;
        try {
            value = ((SettingImpl<T>) setting).parse(raw);
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "invalid value '" + raw + "' for " + setting.name() + ": " + rootMessage(e));
            return;
        }
        builder.setConfig(setting, value);
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-auth")) {
                opts.put("no-auth", "true");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            switch (name) {
                case "port", "data-dir", "page-cache", "tx-timeout" -> opts.put(name, value);
                default -> throw new IllegalArgumentException("unknown option --" + name
                        + " (known: --port, --data-dir, --page-cache, --tx-timeout, --no-auth)");
            }
        }
        return opts;
    }

    private static String option(Map<String, String> opts, String name, String envName, String fallback) {
        String value = opts.get(name);
        if (value == null || value.isEmpty()) {
            value = System.getenv(envName);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the usage error
        }
        fail(EXIT_USAGE, "invalid port '" + raw + "' (expected 1-65535)");
        return -1;
    }

    /** {@code <repo>/.neo4j/data}, found from our own classes at {@code <repo>/packages/neo4j-local/java/target/classes}. */
    private static Path defaultDataDir() {
        try {
            Path classes = Path.of(Neo4jLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repo = classes.getParent().getParent().getParent().getParent().getParent();
            if (Files.isDirectory(repo.resolve("packages"))) {
                return repo.resolve(".neo4j").resolve("data");
            }
        } catch (URISyntaxException | NullPointerException | SecurityException ignored) {
            // fall back to the working directory below
        }
        return Path.of(".neo4j", "data");
    }

    private static void fail(int code, String message) {
        System.err.println("steppe-neo4j: " + message);
        System.err.flush();
        System.exit(code);
    }
}
