-- A coordinator acknowledges an exception with a note: who, when and what they said (also in the audit log).
alter table payroll_exception add column acknowledged_at timestamptz;
alter table payroll_exception add column acknowledged_by text;
alter table payroll_exception add column acknowledgement text;
