package org.peerpay.timesheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.peerpay.people.PersonIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The timesheets as records kept under the retention rules: whose are still kept, and forgetting the rest. */
@Service
public class TimesheetRecords {

    private final JdbcTemplate jdbc;

    TimesheetRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #forgetUpTo} removed. */
    public record Forgotten(int notes, int rejectedRows) {
    }

    /** The people with a shift worked after a day, or one not yet paid: their hours are still kept. */
    public PersonIds keptAfter(LocalDate day) {
        return PersonIds.named(jdbc, "select distinct mentor_id, service_user_id from timesheet_line"
                + " where work_date > ? or status in ('ACCEPTED', 'HELD')", day);
    }

    /**
     * Removes what the shifts worked on or before a day say in free text (their notes), and the rejected rows, as
     * sent, of imports started on or before it (keeping why each was rejected), in the caller's transaction.
     */
    @Transactional
    public Forgotten forgetUpTo(LocalDate day) {
        int notes = jdbc.update("update timesheet_line set notes = null where work_date <= ? and notes is not null",
                day);
        int rejects = jdbc.update("""
                update timesheet_reject set mentor_ref = null, service_user_ref = null, work_date = null,
                       start_time = null, end_time = null, break_minutes = null, activity = null, notes = null,
                       extra_cells = null
                where import_id in (select id from timesheet_import where started_at::date <= ?)
                  and (coalesce(mentor_ref, service_user_ref, work_date, start_time, end_time, break_minutes, activity,
                                notes) is not null or extra_cells is not null)""", day);
        return new Forgotten(notes, rejects);
    }

    /**
     * Deletes the rejects files of imports started on or before a day, unless a later import of a file of the same
     * name wrote its own there; returns how many were deleted.
     */
    public int deleteRejectsFilesUpTo(LocalDate day, Path out) {
        int deleted = 0;
        for (String name : jdbc.queryForList("""
                select file_name from timesheet_import group by file_name
                having max(started_at)::date <= ? and sum(coalesce(rejected, 0)) > 0""", String.class, day)) {
            try {
                deleted += Files.deleteIfExists(RejectsFileWriter.rejectsFile(out, name)) ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }
}
