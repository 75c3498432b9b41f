-- Every line is written once by its import and then once more by the pay run that claims it (status and run). With
-- full pages the claim's new row versions go to other pages and every index of the table gets a new entry for each
-- (measured: 15-18 s of server time to claim 1,000,000 lines). Half-full pages let the claim write each line's new
-- version beside the old one without touching the indexes (a HOT update: neither column is indexed), which measured
-- 4.1 s for the same lines, and the import took no longer. The table ends the same size as before: the claim doubled
-- it anyway. Applies to pages written from now on.
alter table timesheet_line set (fillfactor = 50);
