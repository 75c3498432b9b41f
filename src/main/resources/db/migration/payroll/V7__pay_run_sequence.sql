-- Pay runs are JPA aggregates: their ids come from a sequence Hibernate can allocate from (not an identity column).
alter table pay_run alter column id drop identity;
create sequence pay_run_seq owned by pay_run.id;
select setval('pay_run_seq', coalesce((select max(id) from pay_run), 0) + 1, false);
alter table pay_run alter column id set default nextval('pay_run_seq');
