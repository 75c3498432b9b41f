package org.peerpay.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Serialises work across every process (and thread) on the database with PostgreSQL session advisory locks: the
 * lock is held on a connection of its own for as long as the work runs, and released when it ends, or by the server
 * when the process dies.
 */
@Component
public class DatabaseLocks {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLocks.class);

    private final DataSource dataSource;

    DatabaseLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work holding the lock of this name, waiting for whoever holds it now.
     *
     * @param waiting what to tell the operator while waiting
     */
    public <T> T holding(String name, String waiting, Supplier<T> work) {
        return holdingAll(List.of(name), waiting, work);
    }

    /**
     * Runs the work holding every one of these locks, taken one after another in the order given (callers give
     * them in one order, so two cannot wait on each other), each waited for while someone holds it.
     *
     * @param waiting what to tell the operator while waiting
     */
    public <T> T holdingAll(List<String> names, String waiting, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<String> held = new ArrayList<>();
            try {
                for (String name : names) {
                    if (!lock(connection, "select pg_try_advisory_lock(hashtext(?))", name)) {
                        log.info("{}: waiting", waiting);
                        lock(connection, "select pg_advisory_lock(hashtext(?)) is null", name);
                    }
                    held.add(name);
                }
                return work.get();
            } finally {
                held.forEach(name -> unlock(connection, name));
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Could not take the database lock " + String.join(", ", names),
                    e);
        }
    }

    /**
     * Runs the work holding the lock of this name if no one holds it now; empty, without running it, if someone
     * does (in this process or another).
     */
    public <T> java.util.Optional<T> tryHolding(String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(hashtext(?))", name)) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.ofNullable(work.get());
            } finally {
                unlock(connection, name);
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Could not take the database lock " + name, e);
        }
    }

    /**
     * Releases the lock. If that fails the connection is gone, and with it its session and the lock, so the work's
     * own outcome is what counts (and, if it failed, is what the caller hears of).
     */
    private static void unlock(Connection connection, String name) {
        try {
            lock(connection, "select pg_advisory_unlock(hashtext(?))", name);
        } catch (SQLException gone) {
            log.debug("lock {} went with its connection: {}", name, gone.getMessage());
        }
    }

    private static boolean lock(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
