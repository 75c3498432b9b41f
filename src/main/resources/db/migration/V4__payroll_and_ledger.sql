-- Pay runs, payslips and the budget ledger; and the database role the application runs as.

-- The application connects as peerpay_app: it reads and writes rows but owns no table, so it can neither
-- TRUNCATE nor alter anything, and the ledger refuses it UPDATE and DELETE. Flyway migrates as the owner.
-- (Created where the migrating user may create roles: always with the embedded server.)
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'peerpay_app')
            and exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolcreaterole)) then
        create role peerpay_app login nosuperuser nocreatedb nocreaterole;
    end if;
end
$$;

-- The run that paid (or held) a line. A held line that a coordinator releases is RELEASED until a supplementary
-- run of its period pays it.
alter table timesheet_line add column pay_run_id bigint;
alter table timesheet_line drop constraint timesheet_line_status_check;
alter table timesheet_line add constraint timesheet_line_status_check
    check (status in ('ACCEPTED', 'HELD', 'RELEASED', 'PAID', 'VOID'));

-- One pay run of a pay period: run 1 pays the period, later runs (supplementary) pay what was released after it.
create table pay_run (
    id           bigint generated always as identity primary key,
    period_id    text        not null,
    run_number   integer     not null check (run_number >= 1),
    pay_date     date        not null,
    -- the run pays lines of completed imports up to this one: later imports wait for the next run
    import_bound bigint      not null,
    status       text        not null check (status in ('RUNNING', 'COMPLETED')),
    started_at   timestamptz not null default now(),
    completed_at timestamptz,
    unique (period_id, run_number)
);

-- One employment's pay in one pay run. Money in pounds; the tax year and period are those of the pay date.
create table payslip (
    id                          bigint generated always as identity primary key,
    pay_run_id                  bigint        not null references pay_run (id),
    period_id                   text          not null,
    employment_id               bigint        not null references employment (id),
    service_user_id             bigint        not null references service_user (id),
    mentor_id                   bigint        not null references mentor (id),
    pay_date                    date          not null,
    tax_year                    text          not null,
    tax_period                  integer       not null,
    minutes                     integer       not null,
    basic_pay                   numeric(12,2) not null,
    floor_uplift                numeric(12,2) not null,
    arrears                     numeric(12,2) not null,
    holiday_pay                 numeric(12,2) not null,
    holiday_minutes_accrued     integer       not null,
    gross_pay                   numeric(12,2) not null,
    taxable_pay                 numeric(12,2) not null,
    tax                         numeric(12,2) not null,
    employee_nic                numeric(12,2) not null,
    employee_pension            numeric(12,2) not null,
    net_pay                     numeric(12,2) not null,
    employer_nic                numeric(12,2) not null,
    employment_allowance_offset numeric(12,2) not null,
    employer_pension            numeric(12,2) not null,
    employer_cost               numeric(12,2) not null,
    tax_code                    text          not null,
    week1_month1                boolean       not null,
    ni_category                 char(1)       not null,
    pension_category            text          not null,
    pension_membership          text          not null,
    pension_note                text          not null,
    qualifying_earnings         numeric(12,2) not null,
    unique (pay_run_id, employment_id),
    check (gross_pay = basic_pay + floor_uplift + arrears + holiday_pay),
    check (net_pay = gross_pay - tax - employee_nic - employee_pension),
    check (employer_cost = gross_pay + employer_nic - employment_allowance_offset + employer_pension)
);
create index payslip_employment_year_idx on payslip (employment_id, tax_year);
create index payslip_period_idx on payslip (period_id);

-- The lines of a payslip: one per rate for the period's hours, uplifts to the floor, arrears, holiday pay.
create table payslip_line (
    payslip_id  bigint        not null references payslip (id),
    line_no     integer       not null,
    kind        text          not null check (kind in ('BASIC', 'FLOOR_UPLIFT', 'ARREARS', 'HOLIDAY')),
    description text          not null,
    minutes     integer,
    rate        numeric(10,4),
    amount      numeric(12,2) not null,
    primary key (payslip_id, line_no)
);

alter table payroll_exception add column period_id text;
alter table payroll_exception add column pay_run_id bigint references pay_run (id);
create index payroll_exception_period_idx on payroll_exception (period_id);

-- The ledger: double-entry and append-only. An entry's postings sum to zero (debits positive, credits negative);
-- a correction is a new entry reversing an old one. The idempotency key makes posting the same thing twice fail.
create table journal_entry (
    id              bigint generated always as identity primary key,
    idempotency_key text        not null unique,
    kind            text        not null check (kind in ('FUNDING', 'PAYSLIP', 'REVERSAL')),
    entry_date      date        not null,
    service_user_id bigint      not null references service_user (id),
    period_id       text,
    payslip_id      bigint references payslip (id),
    funding_id      bigint references funding (id),
    reverses        bigint unique references journal_entry (id),
    description     text        not null,
    created_at      timestamptz not null default now()
);
create index journal_entry_service_user_idx on journal_entry (service_user_id, entry_date);
create index journal_entry_period_idx on journal_entry (period_id);

-- Accounts are (account, service user[, employment]): BUDGET the personal budget, FUNDER where funding comes from,
-- NET_PAY_OWED to the mentor, HMRC_OWED tax and NIC, PENSION_OWED to the pension scheme.
create table posting (
    entry_id        bigint        not null references journal_entry (id),
    line_no         smallint      not null,
    account         text          not null check (account in ('BUDGET', 'FUNDER', 'NET_PAY_OWED', 'HMRC_OWED',
                                                              'PENSION_OWED')),
    service_user_id bigint        not null references service_user (id),
    employment_id   bigint references employment (id),
    amount          numeric(14,2) not null check (amount <> 0),
    primary key (entry_id, line_no)
);
create index posting_account_idx on posting (service_user_id, account);

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is refused; correct an entry by posting its reversal',
        tg_op, tg_table_name using errcode = 'P0001';
end
$$;

create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function ledger_refuse_change();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function ledger_refuse_change();
create trigger posting_append_only before update or delete on posting
    for each row execute function ledger_refuse_change();
create trigger posting_no_truncate before truncate on posting
    for each statement execute function ledger_refuse_change();

-- Every entry's postings arrive in one statement and must sum to zero.
create function ledger_check_balanced() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select entry_id into unbalanced from added group by entry_id having sum(amount) <> 0 limit 1;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance: its postings must sum to zero', unbalanced
            using errcode = 'P0001';
    end if;
    return null;
end
$$;

create trigger posting_balanced after insert on posting referencing new table as added
    for each statement execute function ledger_check_balanced();

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'peerpay_app') then
        execute format('grant connect, temporary on database %I to peerpay_app', current_database());
        grant usage on schema public to peerpay_app;
        grant select, insert, update, delete on all tables in schema public to peerpay_app;
        grant usage, select, update on all sequences in schema public to peerpay_app;
        revoke update, delete on journal_entry, posting from peerpay_app;
        alter default privileges in schema public grant select, insert, update, delete on tables to peerpay_app;
        alter default privileges in schema public grant usage, select, update on sequences to peerpay_app;
    end if;
end
$$;
