-- Reference data: employers (service users), employees (mentors), employments, budgets, funding.
-- Money is numeric, never floating point. Refs are the business keys that CSV files upsert on.

create table service_user (
    id                   bigint generated always as identity primary key,
    ref                  text    not null unique,
    name                 text    not null,
    council              text    not null,
    employer_paye_ref    text,
    employment_allowance boolean not null,
    retention_weeks      integer not null check (retention_weeks >= 0)
);

create table mentor (
    id                  bigint generated always as identity primary key,
    ref                 text not null unique,
    name                text not null,
    date_of_birth       date not null,
    -- AES-GCM ciphertext (iv || ciphertext || tag), never the plain NI number
    ni_number_encrypted bytea not null,
    address             text not null
);

create table employment (
    id               bigint generated always as identity primary key,
    ref              text    not null unique,
    service_user_id  bigint  not null references service_user (id),
    mentor_id        bigint  not null references mentor (id),
    start_date       date    not null,
    end_date         date,
    pay_frequency    text    not null check (pay_frequency in ('weekly', 'two-weekly', 'four-weekly', 'monthly')),
    tax_code         text,
    week1_month1     boolean not null,
    ni_category      char(1) not null,
    holiday_pay      text    not null check (holiday_pay in ('rolled-up', 'accrued', 'none')),
    pension          text    not null check (pension in ('assess', 'opted-out')),
    check (end_date is null or end_date >= start_date)
);
create index employment_mentor_idx on employment (mentor_id, service_user_id);

create table employment_rate (
    employment_id  bigint        not null references employment (id),
    effective_from date          not null,
    hourly_rate    numeric(10,4) not null check (hourly_rate > 0),
    primary key (employment_id, effective_from)
);

create table budget_period (
    id                     bigint generated always as identity primary key,
    service_user_id        bigint        not null references service_user (id),
    start_date             date          not null,
    end_date               date          not null,
    planned_hours_per_week numeric(6,2)  not null check (planned_hours_per_week >= 0),
    allocation             numeric(14,2) not null check (allocation >= 0),
    unique (service_user_id, start_date),
    check (end_date >= start_date)
);

create table funding (
    id              bigint generated always as identity primary key,
    service_user_id bigint        not null references service_user (id),
    received_on     date          not null,
    amount          numeric(14,2) not null,
    source          text          not null check (source in ('council', 'client-contribution', 'health', 'other')),
    unique (service_user_id, received_on, source)
);
