-- The people module's aggregates are JPA entities: ids from sequences Hibernate allocates 50 at a time.
alter table service_user alter column id drop identity;
create sequence service_user_seq increment by 50 owned by service_user.id;
select setval('service_user_seq', coalesce((select max(id) from service_user), 0) + 1, false);
alter table service_user alter column id set default nextval('service_user_seq');
alter table mentor alter column id drop identity;
create sequence mentor_seq increment by 50 owned by mentor.id;
select setval('mentor_seq', coalesce((select max(id) from mentor), 0) + 1, false);
alter table mentor alter column id set default nextval('mentor_seq');
