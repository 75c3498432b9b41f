-- The budgets module's aggregates are JPA entities: ids from sequences Hibernate allocates 50 at a time.
alter table budget_period alter column id drop identity;
create sequence budget_period_seq increment by 50 owned by budget_period.id;
select setval('budget_period_seq', coalesce((select max(id) from budget_period), 0) + 1, false);
alter table budget_period alter column id set default nextval('budget_period_seq');
alter table funding alter column id drop identity;
create sequence funding_seq increment by 50 owned by funding.id;
select setval('funding_seq', coalesce((select max(id) from funding), 0) + 1, false);
alter table funding alter column id set default nextval('funding_seq');
