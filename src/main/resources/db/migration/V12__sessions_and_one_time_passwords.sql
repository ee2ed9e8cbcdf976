-- Single sign-on user names may be longer than the 32 characters a local account is given.
alter table app_user_role drop constraint app_user_role_username_fkey;
alter table app_user alter column username type varchar(64);
alter table app_user_role alter column username type varchar(64);
alter table app_user_role add foreign key (username) references app_user (username) on delete cascade;
alter table migration_request alter column requested_by type varchar(64);
alter table migration_request alter column decided_by type varchar(64);

-- An administrator's reset sets a one-time password: its holder must choose their own at the next login.
alter table app_user add column must_change_password boolean not null default false;

-- Every logged-in session, on whichever node holds it (docs/security.md, "Sessions"). Ending a row
-- ends the session: the node that holds it sees the row within a sweep and closes the browser tab.
-- The id is random and is not the servlet session id, which is never stored.
create table user_session (
    id             varchar(64)  primary key,
    username       varchar(64)  not null,
    node           varchar(128) not null,
    address        varchar(64)  not null,
    user_agent     varchar(300) not null default '',
    created_at     timestamptz  not null default now(),
    last_active_at timestamptz  not null default now(),
    ended_at       timestamptz,
    end_reason     varchar(200)
);
create index user_session_open on user_session (username) where ended_at is null;
