-- The rules a pay run pays by, recorded when it starts: a run resumed after a crash, or after the configuration
-- changed, pays its remaining payslips by the same rules as the first. Null only for runs started before V6 (they
-- record the rules of the day when they are next resumed).
alter table pay_run add column floor_policy           text check (floor_policy in ('UPLIFT', 'HOLD')),
                    add column statutory_minimum      text,
                    add column pension_basis          text,
                    add column plan_tolerance_percent integer,
                    add column tax_year               text,
                    add column tax_year_data          text,
                    add column tax_year_sha256        text;

-- The wage floors in force when the run started (every row of the floors file then).
create table pay_run_floor (
    pay_run_id     bigint        not null references pay_run (id),
    name           text          not null,
    effective_from date          not null,
    hourly_rate    numeric(10,4) not null,
    min_age        integer,
    max_age        integer
);
create index pay_run_floor_run_idx on pay_run_floor (pay_run_id);
