-- Timesheet imports: one row per file (by SHA-256), accepted lines, rejected rows kept for finance staff.

create table timesheet_import (
    id           bigint generated always as identity primary key,
    sha256       text        not null unique,
    file_name    text        not null,
    status       text        not null check (status in ('STAGING', 'COMPLETED')),
    rows_read    integer,
    accepted     integer,
    rejected     integer,
    started_at   timestamptz not null default now(),
    completed_at timestamptz
);

create table timesheet_line (
    id              bigint generated always as identity primary key,
    employment_id   bigint    not null references employment (id),
    mentor_id       bigint    not null references mentor (id),
    service_user_id bigint    not null references service_user (id),
    work_date       date      not null,
    starts_at       timestamp not null,
    ends_at         timestamp not null,
    break_minutes   integer   not null check (break_minutes >= 0),
    minutes         integer   not null check (minutes > 0),
    activity        text,
    notes           text,
    import_id       bigint    not null references timesheet_import (id),
    source_row      integer   not null,
    status          text      not null default 'ACCEPTED' check (status in ('ACCEPTED', 'PAID', 'HELD', 'VOID')),
    unique (import_id, source_row),
    check (ends_at > starts_at)
);
create index timesheet_line_mentor_idx on timesheet_line (mentor_id, work_date);
create index timesheet_line_employment_idx on timesheet_line (employment_id, work_date);

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

-- Per-import staging tables (staging.timesheet_<import id>) are created and dropped by the import job.
create schema staging;

-- What a coordinator must look at. Later issues add pay-run exception types.
create table payroll_exception (
    id                bigint generated always as identity primary key,
    type              text        not null,
    service_user_id   bigint      references service_user (id),
    mentor_id         bigint      references mentor (id),
    employment_id     bigint      references employment (id),
    timesheet_line_id bigint      references timesheet_line (id),
    work_date         date,
    detail            text        not null,
    raised_at         timestamptz not null default now(),
    unique (type, timesheet_line_id)
);
