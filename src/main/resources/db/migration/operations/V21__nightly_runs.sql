-- Each nightly run, from the command line or the schedule in serve: when it was due (scheduled and catch-up runs),
-- when it ran, and what it came to, in a line for the operator.
create table nightly_run (
    id            bigint      generated always as identity primary key,
    trigger       text        not null check (trigger in ('SCHEDULE', 'CATCH_UP', 'COMMAND')),
    scheduled_for timestamptz,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    outcome       text        not null check (outcome in ('RUNNING', 'SUCCEEDED', 'FILES_REFUSED', 'NOT_RECONCILED',
                                                          'FAILED')),
    summary       text
);
create index nightly_run_started on nightly_run (started_at desc);
create index nightly_run_scheduled on nightly_run (scheduled_for) where scheduled_for is not null;
