package org.peerpay.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of one data directory ({@code <dataDir>/pg}), kept between runs.
 *
 * <p>One process owns a data directory at a time: an exclusive lock on {@code <dataDir>/peerpay.lock} is taken
 * before the server starts, so a second PeerPay process gets a clear refusal instead of a second postmaster.
 * Within one JVM the server is shared (reference-counted), which is how every test context of a test run uses
 * the same server.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private int users;

    private EmbeddedPostgres(Path dataDir, FileChannel lockChannel, FileLock lock,
                             io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
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
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("peerpay.lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new UserFacingException("Another PeerPay process is using the data directory " + dataDir
                        + " (it holds " + lockFile + "). Wait for it to finish, or set PEERPAY_DATA_DIR to another"
                        + " directory.");
            }
            long started = System.nanoTime();
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "40")
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
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", server.getPort(),
                    dataDir.resolve("pg"), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgres(dataDir, channel, lock, server);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
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

    public String username() {
        return "postgres";
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgres.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
            try {
                server.close();
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
