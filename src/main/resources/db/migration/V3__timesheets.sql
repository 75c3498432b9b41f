-- Timesheet imports: one row per file (by SHA-256), accepted lines, rejected rows kept for finance staff.

create table timesheet_import (
    id           bigint generated always as identity primary key,
    sha256       text        not null unique,
    file_name    text        not null,
    status       text        not null check (status in ('STAGING', 'COMPLETED')),
    -- lines written so far, kept by the import job with each block it commits
    lines_staged integer     not null default 0,
    rows_read    integer,
    accepted     integer,
    rejected     integer,
    started_at   timestamptz not null default now(),
    completed_at timestamptz
);

-- One shift, keyed by the import row it came from: each row of a file is a line at most once. The import job
-- writes lines as it reads the file, so a line counts only once its import is COMPLETED: read lines through
-- imported_timesheet_line. Kept lean for million-row imports: a BRIN index on the date (lines arrive roughly in date order) serves the
-- overlap check and the pay run; the employment (and the mentor and service user copied from it for the checks)
-- and the import are set by the import job from rows that are never deleted, so they carry no foreign keys, each of which
-- would cost an index lookup per row.
create table timesheet_line (
    import_id       bigint    not null,
    source_row      integer   not null,
    employment_id   bigint    not null,
    mentor_id       bigint    not null,
    service_user_id bigint    not null,
    work_date       date      not null,
    starts_at       timestamp not null,
    ends_at         timestamp not null,
    break_minutes   integer   not null check (break_minutes >= 0),
    minutes         integer   not null check (minutes > 0),
    activity        text,
    notes           text,
    status          text      not null default 'ACCEPTED' check (status in ('ACCEPTED', 'PAID', 'HELD', 'VOID')),
    primary key (import_id, source_row),
    check (ends_at > starts_at)
);
create index timesheet_line_work_date_brin on timesheet_line using brin (work_date);

-- The lines of completed imports: the timesheet lines that exist as far as anyone but the import job knows.
create view imported_timesheet_line as
select t.*
from timesheet_line t
where t.import_id in (select id from timesheet_import where status = 'COMPLETED');

-- A rejected row exactly as it was sent, so that it can be corrected and uploaded again.
create table timesheet_reject (
    import_id        bigint  not null references timesheet_import (id),
    source_row       integer not null,
    reason           text    not null,
    detail           text    not null,
    mentor_ref       text,
    service_user_ref text,
    work_date        text,
    start_time       text,
    end_time         text,
    break_minutes    text,
    activity         text,
    notes            text,
    primary key (import_id, source_row)
);

-- What a coordinator must look at. Later issues add pay-run exception types.
create table payroll_exception (
    id                bigint generated always as identity primary key,
    type              text        not null,
    service_user_id   bigint      references service_user (id),
    mentor_id         bigint      references mentor (id),
    employment_id     bigint      references employment (id),
    import_id         bigint,
    source_row        integer,
    work_date         date,
    detail            text        not null,
    raised_at         timestamptz not null default now(),
    foreign key (import_id, source_row) references timesheet_line (import_id, source_row),
    unique (type, import_id, source_row)
);
