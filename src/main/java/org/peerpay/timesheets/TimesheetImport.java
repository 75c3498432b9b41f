package org.peerpay.timesheets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One timesheet file's import, known by its bytes' SHA-256: STAGING while its rows are written and checked, then
 * COMPLETED, which is when its lines start to count. The counts are kept by the import job's set-based steps, so
 * this entity reads them and never writes them.
 */
@Entity
@Table(name = "timesheet_import")
class TimesheetImport {

    enum Status { STAGING, COMPLETED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timesheet_import_seq")
    @SequenceGenerator(name = "timesheet_import_seq", sequenceName = "timesheet_import_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "rows_read", insertable = false, updatable = false)
    private Integer rowsRead;

    @Column(insertable = false, updatable = false)
    private Integer accepted;

    @Column(insertable = false, updatable = false)
    private Integer rejected;

    @Column(name = "started_at", insertable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected TimesheetImport() {
    }

    /** Starts importing a file's bytes under a name. */
    static TimesheetImport stage(String sha256, String fileName) {
        TimesheetImport started = new TimesheetImport();
        started.sha256 = sha256;
        started.fileName = fileName;
        started.status = Status.STAGING;
        return started;
    }

    /** The same bytes sent again under another name while their import was unfinished: it resumes under this one. */
    void resumeAs(String name) {
        if (status == Status.COMPLETED) {
            throw new IllegalStateException(fileName + " was imported already; it is not resumed");
        }
        fileName = name;
    }

    /** Completes the import: its lines count from now on. */
    void complete() {
        if (status == Status.COMPLETED) {
            throw new IllegalStateException(fileName + " was imported already");
        }
        status = Status.COMPLETED;
        completedAt = OffsetDateTime.now();
    }

    boolean isCompleted() {
        return status == Status.COMPLETED;
    }

    Long id() {
        return id;
    }

    String fileName() {
        return fileName;
    }

    /** When it completed, or when it started while it has not. */
    OffsetDateTime importedAt() {
        return completedAt != null ? completedAt : startedAt;
    }

    int rowsRead() {
        return rowsRead == null ? 0 : rowsRead;
    }

    int accepted() {
        return accepted == null ? 0 : accepted;
    }

    int rejected() {
        return rejected == null ? 0 : rejected;
    }
}
