package org.peerpay.timesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The import aggregate against the real database: staged, resumed under a new name, completed once. */
class TimesheetImportRepositoryTests extends DatabaseTest {

    @Autowired
    TimesheetImportRepository imports;

    @Test
    void stagesResumesUnderANewNameAndCompletesOnce() {
        long id = imports.save(TimesheetImport.stage("abc123", "week-47.csv")).id();
        TimesheetImport staged = imports.findBySha256("abc123").orElseThrow();
        assertThat(staged.id()).isEqualTo(id);
        assertThat(staged.isCompleted()).isFalse();
        assertThat(staged.importedAt()).as("started, by the database's clock").isNotNull();

        staged.resumeAs("week-47 (resent).csv");
        staged.complete();
        imports.save(staged);

        TimesheetImport done = imports.findById(id).orElseThrow();
        assertThat(done.isCompleted()).isTrue();
        assertThat(done.fileName()).isEqualTo("week-47 (resent).csv");
        assertThat(jdbc.queryForObject("select status from timesheet_import", String.class)).isEqualTo("COMPLETED");
        assertThatThrownBy(done::complete).hasMessage("week-47 (resent).csv was imported already");
        assertThatThrownBy(() -> done.resumeAs("other.csv")).hasMessageContaining("is not resumed");
    }

    @Test
    void neverWritesTheCountsTheImportJobKeeps() {
        long id = imports.save(TimesheetImport.stage("def456", "week-48.csv")).id();
        jdbc.update("update timesheet_import set rows_read = 10, accepted = 9, rejected = 1 where id = ?", id);

        TimesheetImport read = imports.findById(id).orElseThrow();
        read.complete();
        imports.save(read);

        assertThat(imports.findById(id).orElseThrow()).extracting(TimesheetImport::rowsRead,
                TimesheetImport::accepted, TimesheetImport::rejected).containsExactly(10, 9, 1);
    }
}
