-- A coordinator may hold the unpaid shifts an exception is about, and release them: who, when, how many (also in
-- the audit log).
alter table payroll_exception add column held_at timestamptz;
alter table payroll_exception add column held_by text;
alter table payroll_exception add column held_shifts integer;
alter table payroll_exception add column released_at timestamptz;
alter table payroll_exception add column released_by text;
