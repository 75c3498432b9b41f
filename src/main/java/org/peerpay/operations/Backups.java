package org.peerpay.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.peerpay.people.PersonalDataCipher;
import org.peerpay.system.AtomicFile;
import org.peerpay.system.EmbeddedPostgres;
import org.peerpay.system.UserFacingException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Backups of the database while PeerPay runs: one repeatable-read, read-only transaction sees every table as of one
 * moment, and each is copied out (PostgreSQL's binary COPY) into a zip with a manifest: the schema's Flyway version,
 * each table's rows and SHA-256, the sequences, and the fingerprint of the data key its NI numbers need (the key
 * itself is never in a backup). A restore loads one into an empty embedded database of the same schema version, as
 * the schema's owner with triggers off (the ledger's append-only triggers refuse even it otherwise), checking every
 * checksum first and the data key's fingerprint.
 */
@Service
public class Backups {

    static final String MANIFEST = "manifest.properties";
    static final String FORMAT = "peerpay-backup-1";

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Backups(DataSource dataSource, ObjectProvider<EmbeddedPostgres> embedded, PersonalDataCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What a backup holds. */
    public record Summary(Path file, String schemaVersion, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes a consistent snapshot of every table to {@code file} (whole, or not at all). */
    public Summary backup(Path file) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Properties manifest = new Properties();
        try (Connection connection = reader()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String version = schemaVersion(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (AtomicFile out = AtomicFile.create(file)) {
                ZipOutputStream zip = new ZipOutputStream(out.stream());
                for (String table : tables(connection)) {
                    zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
                    MessageDigest sha = sha256();
                    long copied = copy.copyOut("copy " + table + " to stdout (format binary)",
                            new DigestOutputStream(new NotClosing(zip), sha));
                    zip.closeEntry();
                    rows.put(table, copied);
                    manifest.setProperty("table." + table + ".rows", Long.toString(copied));
                    manifest.setProperty("table." + table + ".sha256", HexFormat.of().formatHex(sha.digest()));
                }
                manifest.setProperty("format", FORMAT);
                manifest.setProperty("schema.version", version);
                manifest.setProperty("made", clock.instant().toString());
                manifest.setProperty("tables", String.join(",", rows.keySet()));
                manifest.setProperty("data-key.fingerprint", cipher.fingerprint());
                for (Map.Entry<String, Long> sequence : sequences(connection).entrySet()) {
                    manifest.setProperty("sequence." + sequence.getKey(), Long.toString(sequence.getValue()));
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "PeerPay backup: restore with peerpay restore FILE into an empty data directory");
                zip.closeEntry();
                zip.finish();
                zip.flush();
                out.commit();
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("The backup could not be made: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + file + ": " + e.getMessage(), e);
        }
        return new Summary(file, manifest.getProperty("schema.version"), rows);
    }

    /**
     * Loads a backup into this PeerPay's embedded database, which must be empty and at the backup's schema version.
     *
     * @throws UserFacingException when the file is not a whole PeerPay backup, the database is not empty or not
     *     embedded, the versions differ, or the data key is not the one the backup's NI numbers need
     */
    public Summary restore(Path file) {
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        if (postgres == null) {
            throw new UserFacingException("peerpay restore loads into the embedded database only. For an external"
                    + " PostgreSQL, restore with pg_restore (see the README), with the same PEERPAY_DATA_KEY.");
        }
        Properties manifest = readManifestAndCheck(file);
        String fingerprint = manifest.getProperty("data-key.fingerprint");
        if (!cipher.fingerprint().equals(fingerprint)) {
            throw new UserFacingException(file + " was made with another data key (fingerprint " + fingerprint
                    + "; this PeerPay's is " + cipher.fingerprint() + "): its NI numbers could not be read. Put that"
                    + " key in place first (the old data directory's data.key, or PEERPAY_DATA_KEY), then restore.");
        }
        List<String> tables = List.of(manifest.getProperty("tables").split(","));
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection owner = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.owner().user(),
                postgres.owner().password())) {
            owner.setAutoCommit(false);
            String version = schemaVersion(owner);
            if (!version.equals(manifest.getProperty("schema.version"))) {
                throw new UserFacingException(file + " holds a database at schema version "
                        + manifest.getProperty("schema.version") + "; this PeerPay's is " + version + ". Restore it"
                        + " with the PeerPay release that made it, then start this one to upgrade it.");
            }
            for (String table : tables) {
                if (!table.equals("flyway_schema_history") && hasRows(owner, table)) {
                    throw new UserFacingException("The database is not empty (" + table + " has rows): restore into"
                            + " an empty data directory (PEERPAY_DATA_DIR=a new folder), never over data.");
                }
            }
            try (Statement statement = owner.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute("truncate flyway_schema_history");
            }
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (name.startsWith("data/") && name.endsWith(".copy")) {
                        String table = name.substring(5, name.length() - 5);
                        if (!tables.contains(table)) {
                            throw new UserFacingException(file + " holds a table its manifest does not list: " + table);
                        }
                        rows.put(table, copy.copyIn("copy " + table + " from stdin (format binary)",
                                new NotClosingInput(zip)));
                    }
                }
            }
            for (String key : manifest.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    try (var setval = owner.prepareStatement("select setval(?::regclass, ?)")) {
                        setval.setString(1, key.substring("sequence.".length()));
                        setval.setLong(2, Long.parseLong(manifest.getProperty(key)));
                        setval.execute();
                    }
                }
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed, and nothing of it was kept: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the backup " + file + ": " + e.getMessage(), e);
        }
        return new Summary(file, manifest.getProperty("schema.version"), rows);
    }

    /**
     * On the embedded database the schema's owner, who sees every sequence's value; on an external one the
     * application's role.
     */
    private Connection reader() throws SQLException {
        EmbeddedPostgres postgres = embedded.getIfAvailable();
        return postgres == null ? dataSource.getConnection() : java.sql.DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.owner().user(), postgres.owner().password());
    }

    /** Reads the manifest, and checks each table's copy against it: a backup cut short or altered is refused. */
    private static Properties readManifestAndCheck(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + " does not exist or is not a file.");
        }
        Properties manifest = new Properties();
        Map<String, String> sums = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest.load(new NotClosingInput(zip));
                } else {
                    MessageDigest sha = sha256();
                    new DigestInputStream(zip, sha).transferTo(OutputStream.nullOutputStream());
                    sums.put(entry.getName(), HexFormat.of().formatHex(sha.digest()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a zip damaged in an entry's header: an entry name that is not UTF-8 is an IllegalArgumentException
            throw new UserFacingException(file + " is not a PeerPay backup (not a whole zip: " + e.getMessage()
                    + ").");
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new UserFacingException(file + " is not a PeerPay backup (no " + FORMAT + " manifest).");
        }
        for (String table : manifest.getProperty("tables").split(",")) {
            String expected = manifest.getProperty("table." + table + ".sha256");
            if (!expected.equals(sums.get("data/" + table + ".copy"))) {
                throw new UserFacingException(file + " is damaged: the copy of " + table + " does not match its"
                        + " checksum. Use another backup.");
            }
        }
        return manifest;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version from flyway_schema_history where success"
                     + " and version is not null order by installed_rank desc limit 1")) {
            return result.next() ? result.getString(1) : "none";
        }
    }

    /** The schema's tables, parents before children (an order a restore can load them in, even with checks on). */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                     + " order by tablename")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select sequencename, coalesce(last_value, start_value)"
                     + " from pg_sequences where schemaname = 'public' order by sequencename")) {
            while (result.next()) {
                sequences.put(result.getString(1), result.getLong(2));
            }
        }
        return sequences;
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select exists (select 1 from " + table + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip's stream as one entry's, which COPY must not close. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NotClosingInput extends java.io.FilterInputStream {
        NotClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
