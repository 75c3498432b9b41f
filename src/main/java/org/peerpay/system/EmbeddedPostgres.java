package org.peerpay.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of one data directory ({@code <dataDir>/pg}), kept between runs.
 *
 * <p>One process owns a data directory at a time: an exclusive lock on {@code <dataDir>/peerpay.lock} is taken
 * before the server starts, so a second PeerPay process gets a clear refusal instead of a second postmaster. Holding
 * that lock, PeerPay knows that a server still running on the directory was left by a PeerPay process that died
 * ({@link LeftoverServer}), and stops it first. Within one JVM the server is shared (reference-counted), which is
 * how every test context of a test run uses the same server.
 *
 * <p>No one else gets in: the server listens on loopback only, with no Unix socket, and every connection needs a
 * password (SCRAM-SHA-256; {@code pg_hba.conf} is rewritten at each start and has no {@code trust} line). The
 * passwords are generated once and kept in {@code <dataDir>/pg-credentials}, readable by its owner only, beside the
 * data key. The superuser, {@code postgres}, is used for migrations only; the application connects as
 * {@value #APPLICATION_ROLE}, which may neither read files nor run programs.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The role the application connects as: it reads and writes rows but owns nothing (see V4). */
    public static final String APPLICATION_ROLE = "peerpay_app";
    static final String OWNER_ROLE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static final String HBA = """
            # Written by PeerPay at every start: a password (SCRAM) for every connection, over loopback only.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final DatabaseCredentials credentials;
    private final List<Runnable> onUnexpectedExit = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean gone;
    private int users;

    /** A role and its password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return user + " (password not shown)";
        }
    }

    private EmbeddedPostgres(Path dataDir, FileChannel lockChannel, FileLock lock,
                             io.zonky.test.db.postgres.embedded.EmbeddedPostgres server,
                             DatabaseCredentials credentials) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.credentials = credentials;
        watch(dataDir.resolve("pg"));
    }

    /** Reports, once, a server that ends while this process still uses it (killed, or out of memory). */
    private void watch(Path pg) {
        LeftoverServer.pidIn(pg.resolve("postmaster.pid")).flatMap(ProcessHandle::of).ifPresent(postmaster ->
                postmaster.onExit().thenRun(() -> {
                    if (!stopping) {
                        gone = true;
                        log.error("The database stopped answering: the embedded PostgreSQL server (pid {}) in {} ended"
                                + " while PeerPay was using it. What was committed is kept; run the command again"
                                + " to go on from there.", postmaster.pid(), pg);
                        onUnexpectedExit.forEach(Runnable::run);
                    }
                }));
    }

    /** Something to do, at once, if the server ends while this process still uses it: fail fast, say. */
    public void onUnexpectedExit(Runnable action) {
        onUnexpectedExit.add(action);
    }

    /** Starts (or joins, within this JVM) the server of a data directory. Release it with {@link #close()}. */
    public static synchronized EmbeddedPostgres open(Path dataDirectory) {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgres running = RUNNING.computeIfAbsent(dataDir, EmbeddedPostgres::start);
        running.users++;
        return running;
    }

    private static EmbeddedPostgres start(Path dataDir) {
        FileChannel channel = null;
        try {
            if (Files.notExists(dataDir)) {
                // Its files are the payroll and the keys to it: for the PeerPay user alone.
                Files.createDirectories(dataDir.getParent());
                Files.createDirectory(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            Path lockFile = dataDir.resolve("peerpay.lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new UserFacingException("Another PeerPay process is using the data directory " + dataDir
                        + " (it holds " + lockFile + "). Wait for it to finish, or set PEERPAY_DATA_DIR to another"
                        + " directory.");
            }
            Path pg = dataDir.resolve("pg");
            LeftoverServer.stopAny(pg);
            // A directory made before passwords were required: its superuser has none until this start gives it one.
            boolean unprotected = Files.exists(pg.resolve("postgresql.conf"))
                    && Files.notExists(DatabaseCredentials.file(dataDir));
            DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(dataDir);
            long started = System.nanoTime();
            var server = startServer(pg, credentials, unprotected);
            if (unprotected) {
                protect(server, pg, credentials);
            }
            createApplicationRole(server, credentials);
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", server.getPort(), pg,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgres(dataDir, channel, lock, server, credentials);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The way out of a data directory PostgreSQL cannot use, in the words of every refusal to start. */
    private static final String DAMAGED = "If the directory is damaged, move it aside, copy its data.key into a new"
            + " directory, and restore your latest backup there: PEERPAY_DATA_DIR=NEW peerpay restore FILE.";

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startServer(
            Path pg, DatabaseCredentials credentials, boolean unprotected) {
        // PostgreSQL refuses at once a cluster without its control file, but the library would wait its full
        // start-up time for it: said here at once instead.
        Path control = pg.resolve("global").resolve("pg_control");
        if (Files.exists(pg.resolve("PG_VERSION")) && (!Files.isRegularFile(control) || size(control) == 0)) {
            throw new UserFacingException("The embedded PostgreSQL in " + pg + " cannot start: its control file"
                    + " global/pg_control is missing or empty. " + DAMAGED);
        }
        try {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(pg)
                    .setCleanDataDirectory(false)
                    // Stopped by close(), in order, after whatever still uses it (the application context's
                    // shutdown closes its pools, then this); the library's own hook would race them.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // initdb: the library passes "-A trust"; these come after it, and the last one counts.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", credentials.ownerPasswordFile().toString())
                    .setConnectConfig("password", credentials.owner().password())
                    .setDataDirectoryCustomizer(directory -> {
                        if (!unprotected) {
                            writeHba(directory.toPath());
                        }
                    })
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    // The library's defaults suit throw-away test databases; this one holds payroll records.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Room for million-row imports and pay runs without spilling or constant checkpoints.
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("temp_buffers", "64MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException("The embedded PostgreSQL in " + pg + " did not start: "
                    + Failures.rootMessage(e)
                    + ". If another program is using that directory, stop it. " + DAMAGED, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void writeHba(Path pg) {
        try {
            Files.writeString(pg.resolve("pg_hba.conf"), HBA, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pg.resolve("pg_hba.conf") + ": " + e.getMessage(), e);
        }
    }

    /** Gives the superuser of a directory made before passwords its password, then requires passwords. */
    private static void protect(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path pg,
                                DatabaseCredentials credentials) {
        execute(server, credentials.owner(), List.of(
                "alter role " + OWNER_ROLE + " password '" + credentials.owner().password() + "'"));
        writeHba(pg);
        execute(server, credentials.owner(), List.of("select pg_reload_conf()"));
        log.warn("The embedded PostgreSQL in {} now requires passwords (kept beside the data key)", pg);
    }

    /** The application's role, with its password (made here, before the migrations, which grant it its rights). */
    private static void createApplicationRole(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server,
                                              DatabaseCredentials credentials) {
        Login application = credentials.application();
        execute(server, credentials.owner(), List.of("""
                do $$ begin
                    if not exists (select 1 from pg_roles where rolname = '%s') then
                        create role %s login nosuperuser nocreatedb nocreaterole;
                    end if;
                end $$""".formatted(application.user(), application.user()),
                "alter role " + application.user() + " password '" + application.password() + "'"));
    }

    private static void execute(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Login login,
                                List<String> statements) {
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl(login.user(), "postgres"), login.user(),
                login.password()); Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            // The statement is not in the message: it may hold a password.
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL's roles: " + e.getMessage(),
                    e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** The database's URL, without a user: each connection names its own role. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    /** The superuser, for migrations (and tests) only. */
    public Login owner() {
        return credentials.owner();
    }

    /** The role the application connects as. */
    public Login application() {
        return credentials.application();
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgres.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
            stopping = true;
            try {
                if (!gone) {
                    server.close();
                }
                lock.release();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
            } finally {
                closeQuietly(lockChannel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
