-- Who did what, when, from where: uploads, imports, pay runs, releases, acknowledgements, downloads, sign-ins. Like
-- the ledger it is append-only: the database refuses UPDATE, DELETE and TRUNCATE to everyone.
create sequence audit_event_seq increment by 50;
create table audit_event (
    id          bigint      primary key default nextval('audit_event_seq'),
    occurred_at timestamptz not null default now(),
    username    text        not null,
    action      text        not null,
    subject     text        not null,
    address     text
);
alter sequence audit_event_seq owned by audit_event.id;
create index audit_event_occurred_idx on audit_event (occurred_at desc);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name using errcode = 'P0001';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'peerpay_app') then
        revoke update, delete, truncate on audit_event from peerpay_app;
    end if;
end
$$;
