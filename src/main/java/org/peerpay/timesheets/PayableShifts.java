package org.peerpay.timesheets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The shifts pay runs pay: the one place where a timesheet line's pay status changes (accepted, held, released,
 * paid). A line counts only once its import has completed. A run first claims its lines, in one statement: a line
 * names one run at most (its {@code pay_run_id}), and a claimed line is not claimed again, whatever runs at once, so
 * no shift is paid by two runs.
 */
@Service
public class PayableShifts {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    PayableShifts(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The lines a run pays: of these employments, dated up to a day, from imports completed up to a bound; either
     * accepted and not yet paid or held (a period's first run), or released from hold after the given runs
     * (a supplementary run).
     *
     * @param releasedAfter the runs of the period whose held lines were released, or null for a first run
     */
    public record Selection(long[] employmentIds, LocalDate upTo, long importBound, long[] releasedAfter) {

        String condition(String l) {
            return " " + l + ".employment_id = any(?) and " + l + ".work_date <= ? and " + l + ".import_id <= ?"
                    + " and " + l + ".import_id in (select id from timesheet_import where status = 'COMPLETED') and "
                    + (releasedAfter == null ? l + ".status = 'ACCEPTED' and " + l + ".pay_run_id is null"
                            : l + ".status = 'RELEASED' and " + l + ".pay_run_id = any(?)") + "\n";
        }

        int bind(Connection c, PreparedStatement statement, int first) throws SQLException {
            int at = first;
            statement.setArray(at++, c.createArrayOf("bigint", box(employmentIds)));
            statement.setObject(at++, upTo);
            statement.setLong(at++, importBound);
            if (releasedAfter != null) {
                statement.setArray(at++, c.createArrayOf("bigint", box(releasedAfter)));
            }
            return at;
        }
    }

    /** One shift to pay. */
    public record Shift(long employmentId, long serviceUserId, long importId, int sourceRow, LocalDate workDate,
                        int minutes) {
    }

    /** The last completed import: a run pays lines of imports up to it, so later imports wait for the next run. */
    public long importBound() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from timesheet_import where status = 'COMPLETED'",
                Long.class);
    }

    /**
     * Claims the selected lines for a run, in the caller's transaction: they are marked paid by it (a shift the run
     * then holds is marked held). Lines another run claimed first, even a moment ago in another process, are not
     * claimed: the update waits for that run's claim to commit and then finds them taken.
     *
     * @return lines claimed
     */
    public int claim(Selection selection, long payRunId) {
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement update = c.prepareStatement("update timesheet_line l set status = 'PAID',"
                    + " pay_run_id = ? where" + selection.condition("l"))) {
                update.setLong(1, payRunId);
                selection.bind(c, update, 2);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Opens a read-only cursor over the lines a run claimed of some employments (a partition's), by service user,
     * employment, date and row, after a given service user and employment (a restart point) and up to a service
     * user (the end of the partition). The caller closes it.
     */
    public Cursor open(long payRunId, long[] employmentIds, long afterServiceUser, long afterEmployment,
                       long throughServiceUser) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement("""
                    select l.employment_id, l.service_user_id, l.import_id, l.source_row, l.work_date, l.minutes
                    from timesheet_line l
                    where l.employment_id = any(?) and l.pay_run_id = ?
                      and (l.service_user_id, l.employment_id) > (?, ?) and l.service_user_id <= ?
                    order by l.service_user_id, l.employment_id, l.work_date, l.import_id, l.source_row""");
            statement.setFetchSize(20_000);
            statement.setArray(1, connection.createArrayOf("bigint", box(employmentIds)));
            statement.setLong(2, payRunId);
            statement.setLong(3, afterServiceUser);
            statement.setLong(4, afterEmployment);
            statement.setLong(5, throughServiceUser);
            return new Cursor(connection, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Lines in pay order, on a connection of their own. */
    public static final class Cursor implements AutoCloseable {

        private final Connection connection;
        private final ResultSet rows;
        private boolean waiting;

        Cursor(Connection connection, ResultSet rows) throws SQLException {
            this.connection = connection;
            this.rows = rows;
            this.waiting = rows.next();
        }

        /** The next line without moving past it, or null at the end. */
        public Shift peek() throws SQLException {
            return waiting ? new Shift(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getInt(4),
                    rows.getObject(5, LocalDate.class), rows.getInt(6)) : null;
        }

        /** Moves past the line {@link #peek()} gave. */
        public void advance() throws SQLException {
            waiting = rows.next();
        }

        public boolean hasMore() {
            return waiting;
        }

        @Override
        public void close() {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // the connection goes back to the pool or is discarded either way
            }
        }
    }

    /** Holds shifts (import, row) unpaid under a run, until they are released. */
    public void hold(long payRunId, List<long[]> importAndRow) {
        jdbc.batchUpdate("update timesheet_line set status = 'HELD', pay_run_id = ? where import_id = ?"
                + " and source_row = ?", importAndRow.stream()
                .map(key -> new Object[] {payRunId, key[0], (int) key[1]}).toList());
    }

    /** Releases the shifts these runs held (of one employment, or all), so that a supplementary run pays them. */
    public int release(long[] payRunIds, Long employmentId) {
        return jdbc.update(c -> {
            PreparedStatement update = c.prepareStatement("update timesheet_line set status = 'RELEASED'"
                    + " where status = 'HELD' and pay_run_id = any(?) and (?::bigint is null or employment_id = ?)");
            update.setArray(1, c.createArrayOf("bigint", box(payRunIds)));
            update.setObject(2, employmentId);
            update.setObject(3, employmentId);
            return update;
        });
    }

    /**
     * Holds, for an exception, the shifts it is about that no run has paid or held: one shift (import and row),
     * else an employment's, else a service user's (the first of these given). They stay unpaid until
     * {@link #releaseHoldOf}.
     *
     * @return shifts held
     */
    public int holdFor(long exceptionId, Long importId, Integer sourceRow, Long employmentId, Long serviceUserId) {
        boolean oneShift = importId != null && sourceRow != null;
        Long owner = employmentId != null ? employmentId : serviceUserId;
        if (!oneShift && owner == null) {
            return 0;
        }
        String scope = oneShift ? "import_id = ? and source_row = ?"
                : employmentId != null ? "employment_id = ?" : "service_user_id = ?";
        Object[] arguments = oneShift ? new Object[] {exceptionId, importId, sourceRow}
                : new Object[] {exceptionId, owner};
        return jdbc.update("update timesheet_line set status = 'HELD', held_for_exception = ?"
                + " where status = 'ACCEPTED' and pay_run_id is null and " + scope, arguments);
    }

    /** Releases the shifts held for an exception: the next pay run takes them as it takes any unpaid shift. */
    public int releaseHoldOf(long exceptionId) {
        return jdbc.update("update timesheet_line set status = 'ACCEPTED', held_for_exception = null"
                + " where held_for_exception = ? and status = 'HELD' and pay_run_id is null", exceptionId);
    }

    /** The day of the last shift paid, by employment (those with none paid are absent). */
    public Map<Long, LocalDate> lastPaidDays() {
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.query("select employment_id, max(work_date) from timesheet_line where status = 'PAID'"
                + " group by employment_id", rs -> {
            days.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        });
        return days;
    }

    /** A shift a run paid: which run, and the shift. */
    public record PaidShift(long payRunId, long employmentId, long importId, int sourceRow, LocalDate workDate,
                            int minutes) {
    }

    /** The shifts paid of these employments dated on or after a day, by employment, date and row. */
    public List<PaidShift> paidFrom(java.util.Collection<Long> employmentIds, LocalDate from) {
        return jdbc.query("""
                select pay_run_id, employment_id, import_id, source_row, work_date, minutes from timesheet_line
                where status = 'PAID' and employment_id = any(?) and work_date >= ?
                order by employment_id, work_date, import_id, source_row""",
                (rs, i) -> new PaidShift(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6)),
                employmentIds.toArray(Long[]::new), from);
    }

    /** The minutes of the shifts each run paid (held ones not counted), by run. */
    public Map<Long, Long> minutesPaidByRun() {
        Map<Long, Long> minutes = new HashMap<>();
        jdbc.query("select pay_run_id, sum(minutes) from timesheet_line where status = 'PAID' group by pay_run_id",
                rs -> {
                    minutes.put(rs.getLong(1), rs.getLong(2));
                });
        return minutes;
    }

    public int heldBy(long payRunId) {
        return heldBy(List.of(payRunId)).getOrDefault(payRunId, 0);
    }

    /** Shifts each of these runs holds, in one query (runs holding none are left out). */
    public java.util.Map<Long, Integer> heldBy(java.util.Collection<Long> payRunIds) {
        java.util.Map<Long, Integer> held = new java.util.HashMap<>();
        jdbc.query("select pay_run_id, count(*) from timesheet_line where pay_run_id = any(?) and status = 'HELD'"
                + " group by pay_run_id", rs -> {
            held.put(rs.getLong(1), rs.getInt(2));
        }, (Object) payRunIds.toArray(Long[]::new));
        return held;
    }

    /** The runs with shifts released from hold that no run has paid yet. */
    public List<Long> runsWithReleasedShifts() {
        return jdbc.queryForList("select distinct pay_run_id from timesheet_line where status = 'RELEASED'",
                Long.class);
    }

    /** The date of the oldest accepted line of these employments that no run has paid or held, or null. */
    public LocalDate oldestUnpaid(long[] employmentIds) {
        return jdbc.query(c -> {
            PreparedStatement query = c.prepareStatement("""
                    select min(l.work_date) from timesheet_line l
                    where l.employment_id = any(?) and l.status = 'ACCEPTED' and l.pay_run_id is null
                      and l.import_id in (select id from timesheet_import where status = 'COMPLETED')""");
            query.setArray(1, c.createArrayOf("bigint", box(employmentIds)));
            return query;
        }, rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
    }

    private static Long[] box(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
