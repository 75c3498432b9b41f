package org.peerpay.exceptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.people.People;
import org.peerpay.system.OutputPaths;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Raises, withdraws, counts and lists exceptions. Every write joins the caller's transaction, so an exception
 * stands or falls with what raised it. An exception of a shift is keyed by its type and the shift (import and
 * row): raising it again (a pay run deciding what became of a shift the import flagged) replaces its detail.
 */
@Service
public class Exceptions {

    static final String FORGOTTEN = "Detail removed under the retention rules";
    static final String[] FILE_COLUMNS = {"period", "type", "service_user_ref", "mentor_ref", "employment_ref",
            "detail"};

    private final JdbcTemplate jdbc;
    private final People people;
    private final Employments employments;

    Exceptions(JdbcTemplate jdbc, People people, Employments employments) {
        this.jdbc = jdbc;
        this.people = people;
        this.employments = employments;
    }

    /**
     * Copies an import's BELOW_FLOOR exceptions in on the import's own connection and transaction: PostgreSQL
     * {@code COPY} CSV rows of {@code type, service_user_id, mentor_id, employment_id, import_id, source_row,
     * work_date, detail}, as the import's hot loop renders them.
     */
    public static void copyIn(Connection connection, byte[] csv) throws SQLException {
        if (csv.length == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy payroll_exception (type,"
                    + " service_user_id, mentor_id, employment_id, import_id, source_row, work_date, detail)"
                    + " from stdin with (format csv)", new ByteArrayInputStream(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Withdraws the exceptions of an import's rows that turned out not to be shifts after all: the rows named by
     * the {@code source_row} column of a table of the caller's transaction (a temporary table, however many rows:
     * one join, linear in the rows).
     */
    public void withdrawForRows(long importId, String rowsTable) {
        if (!rowsTable.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + rowsTable);
        }
        jdbc.update("delete from payroll_exception e using " + rowsTable + " r"
                + " where e.import_id = ? and e.source_row = r.source_row", importId);
    }

    /** Withdraws every exception of an import that was refused and forgotten. */
    public void withdrawForImport(long importId) {
        jdbc.update("delete from payroll_exception where import_id = ?", importId);
    }

    public int countOfImport(ExceptionType type, long importId) {
        return jdbc.queryForObject("select count(*) from payroll_exception where type = ? and import_id = ?",
                Integer.class, type.name(), importId);
    }

    /**
     * Raises exceptions found by a pay run of a period (replacing those of the same shifts), in one statement
     * however many there are.
     */
    public void raise(PayPeriod period, long payRunId, List<Raised> raised) {
        if (raised.isEmpty()) {
            return;
        }
        jdbc.execute((Connection c) -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into payroll_exception (type, service_user_id, mentor_id, employment_id, import_id,
                                                   source_row, work_date, detail, period_id, pay_run_id)
                    select t.*, ?, ? from unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                                 ?::integer[], ?::date[], ?::text[]) t
                    on conflict (type, import_id, source_row) do update
                        set detail = excluded.detail, period_id = excluded.period_id,
                            pay_run_id = excluded.pay_run_id""")) {
                insert.setString(1, period.id());
                insert.setLong(2, payRunId);
                insert.setArray(3, c.createArrayOf("text", raised.stream().map(r -> r.type().name()).toArray()));
                insert.setArray(4, c.createArrayOf("bigint", raised.stream().map(Raised::serviceUserId).toArray()));
                insert.setArray(5, c.createArrayOf("bigint", raised.stream().map(Raised::mentorId).toArray()));
                insert.setArray(6, c.createArrayOf("bigint", raised.stream().map(Raised::employmentId).toArray()));
                insert.setArray(7, c.createArrayOf("bigint", raised.stream().map(Raised::importId).toArray()));
                insert.setArray(8, c.createArrayOf("integer", raised.stream().map(Raised::sourceRow).toArray()));
                insert.setArray(9, c.createArrayOf("date", raised.stream()
                        .map(r -> r.workDate() == null ? null : Date.valueOf(r.workDate())).toArray()));
                insert.setArray(10, c.createArrayOf("text", raised.stream().map(Raised::detail).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    /** How many of each type a pay run raised (or took over from the import). */
    public Map<ExceptionType, Integer> countsOfPayRun(long payRunId) {
        Map<ExceptionType, Integer> counts = new EnumMap<>(ExceptionType.class);
        jdbc.query("select type, count(*) from payroll_exception where pay_run_id = ? group by type", rs -> {
            counts.put(ExceptionType.valueOf(rs.getString(1)), rs.getInt(2));
        }, payRunId);
        return counts;
    }

    /** The types raised for each service user's budget or employments in a period, in type order. */
    public Map<Long, List<ExceptionType>> typesByServiceUser(PayPeriod period) {
        Map<Long, TreeSet<ExceptionType>> types = new HashMap<>();
        jdbc.query("select service_user_id, type from payroll_exception where period_id = ?"
                + " and service_user_id is not null", rs -> {
            types.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(ExceptionType.valueOf(rs.getString(2)));
        }, period.id());
        Map<Long, List<ExceptionType>> sorted = new HashMap<>();
        types.forEach((id, set) -> sorted.put(id, List.copyOf(set)));
        return sorted;
    }

    /**
     * Writes {@code exceptions/<period>.csv}, whole: {@code period,type,service_user_ref,mentor_ref,
     * employment_ref,detail}, a shift's date before its detail; by type, then who, then date.
     */
    public Path writeFile(PayPeriod period, Path out) {
        record Row(long id, ExceptionType type, String serviceUser, String mentor, String employment,
                   LocalDate workDate, String detail) {
        }
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, Employment> employmentsById = employments.all();
        List<Row> rows = new ArrayList<>();
        jdbc.query("select id, type, service_user_id, mentor_id, employment_id, work_date, detail"
                + " from payroll_exception where period_id = ?", rs -> {
            Long su = (Long) rs.getObject(3);
            Long mentor = (Long) rs.getObject(4);
            Long employment = (Long) rs.getObject(5);
            rows.add(new Row(rs.getLong(1), ExceptionType.valueOf(rs.getString(2)),
                    su == null ? null : serviceUsers.get(su).ref(), mentor == null ? null : mentors.get(mentor).ref(),
                    employment == null ? null : employmentsById.get(employment).ref(),
                    rs.getObject(6, LocalDate.class), rs.getString(7)));
        }, period.id());
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        rows.sort(Comparator.comparing(Row::type).thenComparing(Row::serviceUser, nullsLast)
                .thenComparing(Row::mentor, nullsLast).thenComparing(Row::employment, nullsLast)
                .thenComparing(Row::workDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Row::id));
        Path file = file(out, period);
        try (CsvOutput csv = CsvOutput.create(file, FILE_COLUMNS)) {
            for (Row r : rows) {
                csv.row(period.id(), r.type().name(), r.serviceUser(), r.mentor(), r.employment(),
                        r.workDate() == null ? r.detail() : r.workDate() + ": " + r.detail());
            }
            csv.commit();
        }
        return file;
    }

    /**
     * An exception as the exceptions queue shows it.
     *
     * @param heldShifts shifts a coordinator holds for it now (0 when none, or released)
     */
    public record Listed(long id, ExceptionType type, String periodId, String serviceUserRef, String mentorRef,
                         LocalDate workDate, String detail, String acknowledgedBy,
                         java.time.OffsetDateTime acknowledgedAt, String acknowledgement, String heldBy,
                         java.time.OffsetDateTime heldAt, int heldShifts) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        public boolean held() {
            return heldAt != null;
        }
    }

    /** What an exception is about, to hold: one shift, else an employment, else a service user. */
    public record Subject(Long importId, Integer sourceRow, Long employmentId, Long serviceUserId) {
    }

    /** The subject of an exception of one of these service users (any, given null) with no hold on it now. */
    public java.util.Optional<Subject> holdable(long id, java.util.Set<String> serviceUserRefs) {
        return jdbc.query("""
                select import_id, source_row, employment_id, service_user_id from payroll_exception
                where id = ? and held_at is null and (?::bigint[] is null or service_user_id = any(?))
                """, (rs, i) -> new Subject((Long) rs.getObject(1), (Integer) rs.getObject(2), (Long) rs.getObject(3),
                (Long) rs.getObject(4)), id, ids(serviceUserRefs), ids(serviceUserRefs)).stream().findFirst();
    }

    /** Records that a person held this many shifts for the exception. */
    public void markHeld(long id, String by, int shifts) {
        jdbc.update("update payroll_exception set held_at = now(), held_by = ?, held_shifts = ?, released_at = null,"
                + " released_by = null where id = ?", by, shifts, id);
    }

    /**
     * Records that a person released the exception's hold, if it has one and is of one of these service users (any,
     * given null); false if not.
     */
    public boolean markReleased(long id, String by, java.util.Set<String> serviceUserRefs) {
        return jdbc.update("""
                update payroll_exception set held_at = null, held_by = null, held_shifts = null,
                       released_at = now(), released_by = ?
                where id = ? and held_at is not null and (?::bigint[] is null or service_user_id = any(?))
                """, by, id, ids(serviceUserRefs), ids(serviceUserRefs)) == 1;
    }

    /**
     * The exceptions of these service users (all, given null), those not yet acknowledged first, newest first, at
     * most {@code limit}.
     */
    public List<Listed> queue(java.util.Set<String> serviceUserRefs, int limit) {
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        return jdbc.query("""
                select id, type, period_id, service_user_id, mentor_id, work_date, detail, acknowledged_by,
                       acknowledged_at, acknowledgement, held_by, held_at, coalesce(held_shifts, 0)
                from payroll_exception where ?::bigint[] is null or service_user_id = any(?)
                order by acknowledged_at is not null, raised_at desc, id desc limit ?
                """, (rs, i) -> {
            Long su = (Long) rs.getObject(4);
            Long mentor = (Long) rs.getObject(5);
            return new Listed(rs.getLong(1), ExceptionType.valueOf(rs.getString(2)), rs.getString(3),
                    su == null ? null : serviceUsers.get(su).ref(), mentor == null ? null : mentors.get(mentor).ref(),
                    rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                    rs.getObject(9, java.time.OffsetDateTime.class), rs.getString(10), rs.getString(11),
                    rs.getObject(12, java.time.OffsetDateTime.class), rs.getInt(13));
        }, ids(serviceUserRefs), ids(serviceUserRefs), limit);
    }

    /**
     * Acknowledges an exception not yet acknowledged of one of these service users (any, given null), with a note;
     * false if there is no such exception.
     */
    public boolean acknowledge(long id, String by, String note, java.util.Set<String> serviceUserRefs) {
        return jdbc.update("""
                update payroll_exception set acknowledged_at = now(), acknowledged_by = ?, acknowledgement = ?
                where id = ? and acknowledged_at is null and (?::bigint[] is null or service_user_id = any(?))
                """, by, note, id, ids(serviceUserRefs), ids(serviceUserRefs)) == 1;
    }

    /** The ids of these service users, or null for all. */
    private Long[] ids(java.util.Set<String> serviceUserRefs) {
        if (serviceUserRefs == null) {
            return null;
        }
        Map<String, Long> byRef = people.serviceUserIds();
        return serviceUserRefs.stream().map(byRef::get).filter(java.util.Objects::nonNull).toArray(Long[]::new);
    }

    /**
     * Removes the detail (which may name people) of the exceptions about shifts worked, or else raised, on or before
     * a day, under the retention rules; returns how many.
     */
    public int forgetUpTo(LocalDate day) {
        return jdbc.update("update payroll_exception set detail = ? where coalesce(work_date, raised_at::date) <= ?"
                + " and detail <> ?", FORGOTTEN, day, FORGOTTEN);
    }

    public static Path file(Path out, PayPeriod period) {
        return OutputPaths.under(out, "exceptions", period.id() + ".csv");
    }
}
