-- A MALFORMED row with more cells than the header keeps every cell: those past the header's last column, as sent.
alter table timesheet_reject add column extra_cells text[];
