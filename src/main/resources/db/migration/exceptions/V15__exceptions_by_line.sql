-- An exception of an import row is found by its line: the import, then the row. Deleting a rejected line checks
-- that no exception still names it (the foreign key), and withdrawing a file's exceptions finds them by row, so
-- both must reach them through an index that starts with the import, or each of a million rejected rows would
-- read the whole table. The same columns stay unique, so "on conflict (type, import_id, source_row)" still holds.
alter table payroll_exception drop constraint payroll_exception_type_import_id_source_row_key;
alter table payroll_exception add constraint payroll_exception_line_type_key unique (import_id, source_row, type);
