package org.peerpay.timesheets;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based checks of an import's lines, in one transaction: finds duplicates and overlaps within the file
 * and against the lines of every completed import, moves the lines they reject (and any exception raised for
 * them) to {@code timesheet_reject}, and counts the result. A shift identical to another (same mentor, service user, start
 * and end) is a DUPLICATE; one that shares time with another shift of the same mentor, at any service user, is an
 * OVERLAP. Within a file the later-starting shift (the later row, for equal starts) is the one rejected.
 */
class TimesheetValidation implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TimesheetValidation.class);

    private final JdbcTemplate jdbc;
    private final Exceptions exceptions;
    private final People people;
    private final long importId;
    private final LocalDate asOf;

    TimesheetValidation(JdbcTemplate jdbc, Exceptions exceptions, People people, long importId, LocalDate asOf) {
        this.jdbc = jdbc;
        this.people = people;
        this.exceptions = exceptions;
        this.importId = importId;
        this.asOf = asOf;
    }

    /**
     * @throws FileDatedAfterAsOf when most rows are after the as-of date: the step fails and the importer
     *     discards the import
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        refuseAFileDatedAfterTheAsOfDate();
        sql("set local work_mem = '256MB'");
        // Every check below joins a whole file's lines with others: hash joins, linear in the lines. A nested loop
        // (a range scan of the date index for each line, say) is never right here, and turns a million-row file
        // from seconds into hours when the planner misjudges a join.
        sql("set local enable_nestloop = off");
        // Fresh statistics: the planner would otherwise take the lines just written for none at all.
        sql("analyze timesheet_line (import_id, mentor_id, work_date)");
        sql("""
                create temp table flagged (source_row integer primary key, reason text not null, detail text not null)
                on commit drop
                """);
        refsForMessages();
        flagAgainstEarlierImports();
        flagWithinTheFile();
        moveFlaggedLinesToRejects();
        sql("""
                update timesheet_import i set accepted = c.accepted, rejected = c.rejected,
                       rows_read = c.accepted + c.rejected
                from (select lines_staged - (select count(*) from flagged) as accepted,
                             (select count(*) from timesheet_reject where import_id = ?) as rejected
                      from timesheet_import where id = ?) c
                where i.id = ?
                """, importId, importId, importId);
        return RepeatStatus.FINISHED;
    }

    private void refuseAFileDatedAfterTheAsOfDate() {
        long[] futureAndAll = jdbc.queryForObject("""
                select count(*) filter (where reason = 'FUTURE_DATE'),
                       count(*) + (select lines_staged from timesheet_import where id = ?)
                from timesheet_reject where import_id = ?
                """, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, importId, importId);
        if (FileDatedAfterAsOf.applies(futureAndAll[0], futureAndAll[1])) {
            throw new FileDatedAfterAsOf(futureAndAll[0], futureAndAll[1], asOf);
        }
    }

    /**
     * The refs that messages and rejected rows name, from the people module, as temporary tables of this
     * transaction ({@code su_refs}, {@code mentor_refs}: id, ref).
     */
    private void refsForMessages() {
        temporaryRefs("su_refs", people.serviceUserIds());
        temporaryRefs("mentor_refs", people.mentorIds());
    }

    private void temporaryRefs(String table, Map<String, Long> idsByRef) {
        List<Map.Entry<String, Long>> refs = List.copyOf(idsByRef.entrySet());
        sql("create temp table " + table + " (id bigint primary key, ref text not null) on commit drop");
        sql("insert into " + table + " select * from unnest(?::bigint[], ?::text[])",
                refs.stream().map(Map.Entry::getValue).toArray(Long[]::new),
                refs.stream().map(Map.Entry::getKey).toArray(String[]::new));
    }

    /**
     * Each line against the shifts of completed imports that could share time with it: those of its mentor on its
     * day or the day either side (a shift is at most a day long). Those earlier shifts, within the file's dates, are
     * taken once, then each is offered under the three days it could meet, so that lines and shifts are matched
     * on (mentor, day) by a hash: work in proportion to the lines, however many shifts a mentor has.
     */
    private void flagAgainstEarlierImports() {
        sql("""
                create temp table nearby on commit drop as
                select t.import_id, t.source_row, t.service_user_id, t.mentor_id, t.work_date, t.starts_at, t.ends_at
                from imported_timesheet_line t
                where t.status <> 'VOID' and t.import_id <> ?
                  and t.work_date between (select min(work_date) - 1 from timesheet_line where import_id = ?)
                                      and (select max(work_date) + 1 from timesheet_line where import_id = ?)
                """, importId, importId, importId);
        sql("analyze nearby");
        sql("""
                insert into flagged (source_row, reason, detail)
                select distinct on (s.source_row) s.source_row,
                       case when t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                 and t.ends_at = s.ends_at then 'DUPLICATE' else 'OVERLAP' end,
                       case when t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                 and t.ends_at = s.ends_at
                            then 'the same shift was already imported from ' || i.file_name || ' row ' || t.source_row
                            else 'the mentor already has a shift from ' || to_char(t.starts_at, 'YYYY-MM-DD HH24:MI')
                                 || ' to ' || to_char(t.ends_at, 'HH24:MI') || ' for ' || su.ref || ' ('
                                 || i.file_name || ' row ' || t.source_row || ')' end
                from timesheet_line s
                join (select n.*, n.work_date - 1 as day from nearby n
                      union all select n.*, n.work_date from nearby n
                      union all select n.*, n.work_date + 1 from nearby n) t
                     on t.mentor_id = s.mentor_id and t.day = s.work_date
                        and t.starts_at < s.ends_at and s.starts_at < t.ends_at
                join timesheet_import i on i.id = t.import_id
                join su_refs su on su.id = t.service_user_id
                where s.import_id = ?
                order by s.source_row, (t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                        and t.ends_at = s.ends_at) desc, t.starts_at
                """, importId);
    }

    /**
     * One pass over each mentor's shifts in start order: identical neighbours are duplicates; a shift that starts
     * before the latest end of the shifts before it overlaps, and the shift it overlaps is the one that ends then.
     */
    private void flagWithinTheFile() {
        sql("""
                create temp table in_file on commit drop as
                select * from (
                    select source_row, mentor_id, starts_at,
                           lag(source_row) over mentor_shifts as previous_row,
                           lag((service_user_id, starts_at, ends_at)) over mentor_shifts
                               = (service_user_id, starts_at, ends_at) as same_as_previous,
                           max(ends_at) over (mentor_shifts rows between unbounded preceding and 1 preceding)
                               as latest_end
                    from timesheet_line
                    where import_id = ? and source_row not in (select source_row from flagged)
                    window mentor_shifts as (partition by mentor_id
                                             order by starts_at, service_user_id, ends_at, source_row)) w
                where same_as_previous or latest_end > starts_at
                """, importId);
        sql("""
                insert into flagged (source_row, reason, detail)
                select f.source_row, 'DUPLICATE', 'the same shift is already in row ' || f.previous_row
                from in_file f where f.same_as_previous
                """);
        sql("""
                insert into flagged (source_row, reason, detail)
                select distinct on (f.source_row) f.source_row, 'OVERLAP',
                       'overlaps the shift in row ' || o.source_row || ' (' || su.ref || ' '
                       || to_char(o.starts_at, 'YYYY-MM-DD HH24:MI') || ' to ' || to_char(o.ends_at, 'HH24:MI') || ')'
                from in_file f
                join timesheet_line o on o.import_id = ? and o.mentor_id = f.mentor_id and o.ends_at = f.latest_end
                                     and (o.starts_at, o.source_row) < (f.starts_at, f.source_row)
                join su_refs su on su.id = o.service_user_id
                where not f.same_as_previous
                order by f.source_row, o.starts_at, o.source_row
                """, importId);
    }

    /** A rejected line goes back to being a row as read: its date and times written as the import reads them. */
    private void moveFlaggedLinesToRejects() {
        exceptions.withdrawForRows(importId, "flagged");
        sql("""
                with moved as (
                    delete from timesheet_line t using flagged f
                    where t.import_id = ? and t.source_row = f.source_row
                    returning t.*, f.reason, f.detail)
                insert into timesheet_reject (import_id, source_row, reason, detail, mentor_ref, service_user_ref,
                                              work_date, start_time, end_time, break_minutes, activity, notes)
                select m.import_id, m.source_row, m.reason, m.detail, mentor.ref, su.ref,
                       to_char(m.work_date, 'YYYY-MM-DD'), to_char(m.starts_at, 'HH24:MI'),
                       to_char(m.ends_at, 'HH24:MI'), m.break_minutes::text, m.activity, m.notes
                from moved m
                join mentor_refs mentor on mentor.id = m.mentor_id
                join su_refs su on su.id = m.service_user_id
                """, importId);
    }

    /** Runs one statement, logging how long it took (at debug level: the step's own time is logged at info). */
    private int sql(String statement, Object... arguments) {
        long started = System.nanoTime();
        int rows = jdbc.update(statement, arguments);
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000,
                statement.strip().lines().findFirst().orElse(""));
        return rows;
    }
}
