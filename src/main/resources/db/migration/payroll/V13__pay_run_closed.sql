-- A period is closed once its run has completed and its statements are written: a run killed between the two is
-- finished by the next period close (its statements written), not forgotten as "nothing to pay".
alter table pay_run add column closed_at timestamptz;
update pay_run set closed_at = completed_at where status = 'COMPLETED';
