-- The people who use the web application: a name, a role, a password hash (BCrypt), never a password. A
-- coordinator's caseload is the service users they may see, by ref (the people module owns service users).
create sequence user_account_seq increment by 50;
create table user_account (
    id            bigint      primary key default nextval('user_account_seq'),
    username      text        not null unique check (username ~ '^[a-z][a-z0-9._-]{1,31}$'),
    password_hash text        not null,
    role          text        not null check (role in ('FINANCE', 'COORDINATOR', 'ADMIN')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);
alter sequence user_account_seq owned by user_account.id;

create table user_caseload (
    user_id          bigint not null references user_account (id) on delete cascade,
    service_user_ref text   not null,
    primary key (user_id, service_user_ref)
);
