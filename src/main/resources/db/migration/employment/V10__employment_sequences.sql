-- The employment module's aggregates are JPA entities: ids from sequences Hibernate allocates 50 at a time.
alter table employment alter column id drop identity;
create sequence employment_seq increment by 50 owned by employment.id;
select setval('employment_seq', coalesce((select max(id) from employment), 0) + 1, false);
alter table employment alter column id set default nextval('employment_seq');
