-- Timesheet imports are JPA aggregates: ids from a sequence (one at a time, so that they keep growing with time:
-- a pay run pays the imports up to a bound).
alter table timesheet_import alter column id drop identity;
create sequence timesheet_import_seq owned by timesheet_import.id;
select setval('timesheet_import_seq', coalesce((select max(id) from timesheet_import), 0) + 1, false);
alter table timesheet_import alter column id set default nextval('timesheet_import_seq');
