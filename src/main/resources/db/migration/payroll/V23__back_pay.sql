-- Back pay: an hourly rate raised from a date whose shifts were already paid. The paid payslips stay as they were;
-- each paid shift the new rate covers owes the difference, recorded here with the rate change (one row per shift
-- and the rate it was paid at, so nothing is owed twice) and paid as arrears by the next pay run of the employment's
-- frequency, which claims the row (pay_run_id) and names the payslip that paid it (payslip_id).
create table back_pay (
    id            bigint generated always as identity primary key,
    employment_id bigint        not null references employment (id),
    import_id     bigint        not null,
    source_row    integer       not null,
    work_date     date          not null,
    minutes       integer       not null check (minutes > 0),
    rate_from     date          not null,
    paid_rate     numeric(10,4) not null,
    owed_rate     numeric(10,4) not null,
    recorded_at   timestamptz   not null default now(),
    pay_run_id    bigint references pay_run (id),
    payslip_id    bigint references payslip (id),
    foreign key (import_id, source_row) references timesheet_line (import_id, source_row),
    unique (import_id, source_row, paid_rate),
    check (owed_rate > paid_rate),
    check (rate_from <= work_date),
    check (payslip_id is null or pay_run_id is not null)
);
create index back_pay_owed_idx on back_pay (employment_id) where pay_run_id is null;
create index back_pay_pay_run_idx on back_pay (pay_run_id);
