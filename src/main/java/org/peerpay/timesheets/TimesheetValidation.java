package org.peerpay.timesheets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based checks and the publishing of an import, in one transaction: finds duplicates and overlaps
 * within the file and against every line already imported, then publishes accepted rows as timesheet lines,
 * keeps rejected rows, raises BELOW_FLOOR exceptions and drops the staging table. A shift identical to another
 * (same mentor, service user, start and end) is a DUPLICATE; one that shares time with another shift of the same
 * mentor, at any service user, is an OVERLAP. Within a file the later-starting shift (or the later row, for equal
 * starts) is the one rejected.
 */
class TimesheetValidation implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TimesheetValidation.class);

    private final JdbcTemplate jdbc;
    private final StagingTable staging;

    TimesheetValidation(JdbcTemplate jdbc, StagingTable staging) {
        this.jdbc = jdbc;
        this.staging = staging;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long importId = staging.importId();
        String rows = staging.name();
        sql("set local work_mem = '256MB'");
        // Fresh statistics: the planner would otherwise take a just-loaded table for an empty one.
        sql("analyze " + rows);
        sql("""
                update %1$s s set reason = x.reason, detail = x.detail
                from (select distinct on (s.row_number) s.row_number,
                             case when t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                       and t.ends_at = s.ends_at then 'DUPLICATE' else 'OVERLAP' end as reason,
                             case when t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                       and t.ends_at = s.ends_at
                                  then 'the same shift was already imported from ' || i.file_name || ' row '
                                       || t.source_row
                                  else 'the mentor already has a shift from ' || to_char(t.starts_at, 'YYYY-MM-DD HH24:MI')
                                       || ' to ' || to_char(t.ends_at, 'HH24:MI') || ' for ' || su.ref || ' ('
                                       || i.file_name || ' row ' || t.source_row || ')' end as detail
                      from %1$s s
                      join timesheet_line t on t.mentor_id = s.mentor_id
                                           and t.work_date between s.work_date - 1 and s.work_date + 1
                                           and t.work_date between (select min(work_date) - 1 from %1$s)
                                                               and (select max(work_date) + 1 from %1$s)
                                           and t.starts_at < s.ends_at and s.starts_at < t.ends_at
                                           and t.status <> 'VOID'
                      join timesheet_import i on i.id = t.import_id
                      join service_user su on su.id = t.service_user_id
                      where s.reason is null
                      order by s.row_number, (t.service_user_id = s.service_user_id and t.starts_at = s.starts_at
                                              and t.ends_at = s.ends_at) desc, t.starts_at) x
                where s.row_number = x.row_number
                """.formatted(rows));
        // One pass over each mentor's shifts in start order: identical neighbours are duplicates; a shift that
        // starts before the latest end so far overlaps. That latest end and its row are packed into one bigint,
        // (end in epoch minutes) * 10^10 + row, so the same window finds both.
        sql("""
                with w as (
                    select row_number, service_user_id, starts_at, ends_at,
                           lag(row_number) over mentor_shifts as previous_row,
                           lag(service_user_id) over mentor_shifts = service_user_id
                               and lag(starts_at) over mentor_shifts = starts_at
                               and lag(ends_at) over mentor_shifts = ends_at as same_as_previous,
                           max((extract(epoch from ends_at)::bigint / 60) * 10000000000 + row_number)
                               over (mentor_shifts rows between unbounded preceding and 1 preceding) as latest_end
                    from %1$s where reason is null
                    window mentor_shifts as (partition by mentor_id
                                             order by starts_at, service_user_id, ends_at, row_number)),
                flagged as (
                    select row_number, same_as_previous,
                           case when same_as_previous then previous_row
                                else (latest_end %% 10000000000)::integer end as other_row
                    from w
                    where same_as_previous
                       or latest_end / 10000000000 > extract(epoch from starts_at)::bigint / 60)
                update %1$s s
                set reason = case when f.same_as_previous then 'DUPLICATE' else 'OVERLAP' end,
                    detail = case when f.same_as_previous then 'the same shift is already in row ' || f.other_row
                                  else 'overlaps the shift in row ' || o.row_number || ' (' || o.service_user_ref
                                       || ' ' || to_char(o.starts_at, 'YYYY-MM-DD HH24:MI') || ' to '
                                       || to_char(o.ends_at, 'HH24:MI') || ')' end
                from flagged f join %1$s o on o.row_number = f.other_row
                where s.row_number = f.row_number
                """.formatted(rows));
        sql("""
                insert into timesheet_line (import_id, source_row, employment_id, mentor_id, service_user_id, work_date,
                                            starts_at, ends_at, break_minutes, minutes, activity, notes)
                select ?, row_number, employment_id, mentor_id, service_user_id, work_date, starts_at, ends_at,
                       break_minutes, minutes, nullif(activity, ''), nullif(notes, '')
                from %s where reason is null
                """.formatted(rows), importId);
        sql("""
                insert into timesheet_reject (import_id, source_row, reason, detail, mentor_ref, service_user_ref,
                                              work_date, start_time, end_time, break_minutes, activity, notes)
                select ?, row_number, reason, detail, mentor_ref, service_user_ref, date_text, start_text, end_text,
                       break_text, activity, notes
                from %s where reason is not null
                """.formatted(rows), importId);
        raiseBelowFloorExceptions(importId);
        sql("""
                update timesheet_import i set rows_read = c.rows, accepted = c.accepted, rejected = c.rows - c.accepted
                from (select count(*) as rows, count(*) filter (where reason is null) as accepted from %s) c
                where i.id = ?
                """.formatted(rows), importId);
        sql(staging.dropSql());
        return RepeatStatus.FINISHED;
    }

    /** Runs one statement, logging how long it took (at debug level: the step's own time is logged at info). */
    private int sql(String statement, Object... arguments) {
        long started = System.nanoTime();
        int rows = jdbc.update(statement, arguments);
        log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000,
                statement.strip().lines().findFirst().orElse(""));
        return rows;
    }

    /**
     * A shift paid at a rate under the floor in force on its date, for the mentor's age then. Only employments
     * with a rate under the highest floor can be under a floor, so only their shifts are looked at: rates by
     * range of dates, floors once per distinct date and age.
     */
    private void raiseBelowFloorExceptions(long importId) {
        sql("""
                with candidates as (
                    select employment_id, effective_from, hourly_rate,
                           coalesce(lead(effective_from) over (partition by employment_id order by effective_from),
                                    'infinity'::date) as until
                    from employment_rate
                    where employment_id in (select employment_id from employment_rate
                                            where hourly_rate < (select max(hourly_rate) from wage_floor))),
                shifts as materialized (
                    select s.row_number, s.employment_id, s.mentor_id, s.service_user_id, s.work_date, r.hourly_rate,
                           extract(year from age(s.work_date, m.date_of_birth))::int as age
                    from %s s
                    join candidates r on r.employment_id = s.employment_id
                                     and s.work_date >= r.effective_from and s.work_date < r.until
                    join mentor m on m.id = s.mentor_id
                    where s.reason is null),
                floors as (
                    select d.work_date, d.age, f.name, f.hourly_rate
                    from (select distinct work_date, age from shifts) d
                    cross join lateral wage_floor_on(d.work_date, d.age) f)
                insert into payroll_exception (type, service_user_id, mentor_id, employment_id, import_id, source_row,
                                               work_date, detail)
                select 'BELOW_FLOOR', s.service_user_id, s.mentor_id, s.employment_id, ?, s.row_number, s.work_date,
                       'rate £' || trim(to_char(s.hourly_rate, 'FM999990.0099')) || ' an hour is below the '
                       || f.name || ' of £' || trim(to_char(f.hourly_rate, 'FM999990.0099')) || ' on '
                       || to_char(s.work_date, 'YYYY-MM-DD')
                from shifts s join floors f on f.work_date = s.work_date and f.age = s.age
                where s.hourly_rate < f.hourly_rate
                """.formatted(staging.name()), importId);
    }
}
