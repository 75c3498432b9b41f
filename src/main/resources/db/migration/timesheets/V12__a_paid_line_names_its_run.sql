-- A line that a run paid, held or released names that run: one run at most, so one payslip at most (a run has one
-- payslip per employment). Runs claim their lines in one statement, so two runs at once cannot both take a line.
alter table timesheet_line add constraint timesheet_line_paid_by_one_run
    check (status in ('ACCEPTED', 'VOID') or pay_run_id is not null);
