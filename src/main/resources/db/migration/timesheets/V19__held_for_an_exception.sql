-- A shift a coordinator holds from an exception (status HELD, no pay run) names that exception, so that releasing
-- the hold releases exactly the shifts it held. Nullable: adding it rewrites no rows.
alter table timesheet_line add column held_for_exception bigint;
create index timesheet_line_held_for_exception on timesheet_line (held_for_exception)
    where held_for_exception is not null;
-- A held line is held by a run (it names the run) or for an exception (it names the exception, and no run).
alter table timesheet_line drop constraint timesheet_line_paid_by_one_run;
alter table timesheet_line add constraint timesheet_line_paid_by_one_run
    check (status in ('ACCEPTED', 'VOID') or pay_run_id is not null
           or (status = 'HELD' and held_for_exception is not null));
alter table timesheet_line add constraint timesheet_line_held_for_an_exception_unpaid
    check (held_for_exception is null or (status = 'HELD' and pay_run_id is null));
