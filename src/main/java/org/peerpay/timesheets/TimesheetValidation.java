package org.peerpay.timesheets;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based checks, in one transaction: resolves references and employments, finds future dates, duplicates
 * and overlaps (within the file and against every line already imported), then publishes accepted rows as
 * timesheet lines, keeps rejected rows, raises BELOW_FLOOR exceptions and drops the staging table. The first
 * reason found is the one given: row-level reasons, then FUTURE_DATE, UNKNOWN_MENTOR, UNKNOWN_SERVICE_USER,
 * NO_EMPLOYMENT, DUPLICATE, OVERLAP. Of two rows in one file that overlap, the later-starting one is rejected.
 */
class TimesheetValidation implements Tasklet {

    private final JdbcTemplate jdbc;
    private final StagingTable staging;
    private final LocalDate asOf;

    TimesheetValidation(JdbcTemplate jdbc, StagingTable staging, LocalDate asOf) {
        this.jdbc = jdbc;
        this.staging = staging;
        this.asOf = asOf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long importId = staging.importId();
        jdbc.execute("""
                create temp table checked on commit drop as
                select s.row_number, s.work_date, s.starts_at, s.ends_at, s.break_minutes, s.minutes,
                       s.activity, s.notes, s.mentor_ref, s.service_user_ref,
                       m.id as mentor_id, su.id as service_user_id, e.id as employment_id, s.reason, s.detail
                from %s s
                left join mentor m on m.ref = s.mentor_ref
                left join service_user su on su.ref = s.service_user_ref
                left join employment e on e.mentor_id = m.id and e.service_user_id = su.id
                     and s.work_date >= e.start_date and (e.end_date is null or s.work_date <= e.end_date)
                """.formatted(staging.name()));
        Date asOfDate = Date.valueOf(asOf);
        jdbc.update("""
                update checked set reason = 'FUTURE_DATE',
                       detail = 'the shift is on ' || to_char(work_date, 'YYYY-MM-DD') || ', after '
                                || to_char(?::date, 'YYYY-MM-DD') || ': import it once it has been worked'
                where reason is null and work_date > ?
                """, asOfDate, asOfDate);
        jdbc.update("""
                update checked set reason = 'UNKNOWN_MENTOR',
                       detail = 'mentor ' || mentor_ref || ' is not in the reference data: correct mentor_ref, or add'
                                || ' the mentor to mentors.csv and run reference load'
                where reason is null and mentor_id is null
                """);
        jdbc.update("""
                update checked set reason = 'UNKNOWN_SERVICE_USER',
                       detail = 'service user ' || service_user_ref || ' is not in the reference data: correct'
                                || ' service_user_ref, or add them to service-users.csv and run reference load'
                where reason is null and service_user_id is null
                """);
        jdbc.update("""
                update checked set reason = 'NO_EMPLOYMENT',
                       detail = 'mentor ' || mentor_ref || ' was not employed by ' || service_user_ref || ' on '
                                || to_char(work_date, 'YYYY-MM-DD') || ': check the names and date, or the'
                                || ' employment''s dates in employments.csv'
                where reason is null and employment_id is null
                """);
        jdbc.update("""
                update checked c set reason = 'DUPLICATE',
                       detail = 'the same shift was already imported from ' || i.file_name || ' row ' || t.source_row
                from timesheet_line t join timesheet_import i on i.id = t.import_id
                where c.reason is null and t.mentor_id = c.mentor_id and t.service_user_id = c.service_user_id
                  and t.starts_at = c.starts_at and t.ends_at = c.ends_at and t.status <> 'VOID'
                """);
        jdbc.update("""
                update checked c set reason = 'DUPLICATE', detail = 'the same shift is already in row ' || d.first_row
                from (select row_number,
                             first_value(row_number) over (partition by mentor_id, service_user_id, starts_at, ends_at
                                                           order by row_number) as first_row
                      from checked where reason is null) d
                where c.row_number = d.row_number and d.first_row <> d.row_number
                """);
        jdbc.update("""
                update checked c set reason = 'OVERLAP',
                       detail = 'the mentor already has a shift from ' || to_char(t.starts_at, 'YYYY-MM-DD HH24:MI')
                                || ' to ' || to_char(t.ends_at, 'HH24:MI') || ' for ' || su.ref || ' (' || i.file_name
                                || ' row ' || t.source_row || ')'
                from timesheet_line t
                join service_user su on su.id = t.service_user_id
                join timesheet_import i on i.id = t.import_id
                where c.reason is null and t.mentor_id = c.mentor_id
                  and t.work_date between c.work_date - 1 and c.work_date + 1
                  and t.starts_at < c.ends_at and c.starts_at < t.ends_at and t.status <> 'VOID'
                """);
        // The latest-ending earlier shift of the same mentor, packed as (end in epoch minutes, row) in one bigint
        // so that a single window pass finds both how late it ends and which row it is.
        jdbc.update("""
                update checked c set reason = 'OVERLAP',
                       detail = 'overlaps the shift in row ' || o.row_number || ' (' || o.service_user_ref || ' '
                                || to_char(o.starts_at, 'YYYY-MM-DD HH24:MI') || ' to ' || to_char(o.ends_at, 'HH24:MI')
                                || ')'
                from (select row_number, starts_at,
                             max((extract(epoch from ends_at)::bigint / 60) * 10000000000 + row_number)
                                 over (partition by mentor_id order by starts_at, row_number
                                       rows between unbounded preceding and 1 preceding) as earlier
                      from checked where reason is null) w
                join checked o on o.row_number = w.earlier % 10000000000
                where c.row_number = w.row_number
                  and w.earlier / 10000000000 > extract(epoch from w.starts_at)::bigint / 60
                """);
        jdbc.update("""
                insert into timesheet_line (employment_id, mentor_id, service_user_id, work_date, starts_at, ends_at,
                                            break_minutes, minutes, activity, notes, import_id, source_row)
                select employment_id, mentor_id, service_user_id, work_date, starts_at, ends_at, break_minutes, minutes,
                       nullif(activity, ''), nullif(notes, ''), ?, row_number
                from checked where reason is null
                on conflict (import_id, source_row) do nothing
                """, importId);
        jdbc.update("""
                insert into timesheet_reject (import_id, source_row, reason, detail, mentor_ref, service_user_ref,
                                              work_date, start_time, end_time, break_minutes, activity, notes)
                select ?, s.row_number, c.reason, c.detail, s.mentor_ref, s.service_user_ref, s.date_text,
                       s.start_text, s.end_text, s.break_text, s.activity, s.notes
                from checked c join %s s on s.row_number = c.row_number
                where c.reason is not null
                on conflict (import_id, source_row) do nothing
                """.formatted(staging.name()), importId);
        raiseBelowFloorExceptions(importId);
        jdbc.update("""
                update timesheet_import set rows_read = (select count(*) from checked),
                       accepted = (select count(*) from checked where reason is null),
                       rejected = (select count(*) from checked where reason is not null)
                where id = ?
                """, importId);
        jdbc.execute(staging.dropSql());
        return RepeatStatus.FINISHED;
    }

    /** A shift paid at a rate under the floor in force on its date, for the mentor's age then. */
    private void raiseBelowFloorExceptions(long importId) {
        jdbc.update("""
                with lines as (
                    select t.id, t.service_user_id, t.mentor_id, t.employment_id, t.work_date,
                           extract(year from age(t.work_date, m.date_of_birth))::int as age
                    from timesheet_line t join mentor m on m.id = t.mentor_id
                    where t.import_id = ?),
                rates as (
                    select employment_id, effective_from, hourly_rate,
                           lead(effective_from) over (partition by employment_id order by effective_from) as until
                    from employment_rate where employment_id in (select distinct employment_id from lines)),
                floors as (
                    select d.work_date, d.age, f.name, f.hourly_rate
                    from (select distinct work_date, age from lines) d
                    cross join lateral wage_floor_on(d.work_date, d.age) f)
                insert into payroll_exception (type, service_user_id, mentor_id, employment_id, timesheet_line_id,
                                               work_date, detail)
                select 'BELOW_FLOOR', l.service_user_id, l.mentor_id, l.employment_id, l.id, l.work_date,
                       'rate £' || trim(to_char(r.hourly_rate, 'FM999990.00##')) || ' an hour is below the '
                       || f.name || ' of £' || trim(to_char(f.hourly_rate, 'FM999990.00##')) || ' on '
                       || to_char(l.work_date, 'YYYY-MM-DD')
                from lines l
                join rates r on r.employment_id = l.employment_id and l.work_date >= r.effective_from
                            and (r.until is null or l.work_date < r.until)
                join floors f on f.work_date = l.work_date and f.age = l.age
                where r.hourly_rate < f.hourly_rate
                on conflict (type, timesheet_line_id) do nothing
                """, importId);
    }
}
