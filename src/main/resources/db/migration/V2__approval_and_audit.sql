-- Four-eyes approval on the request record.
alter table migration_request drop constraint migration_request_state_check;
alter table migration_request add constraint migration_request_state_check
    check (state in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'EXECUTING', 'SUCCEEDED', 'FAILED'));
alter table migration_request add column reason           text        not null default '';
alter table migration_request add column emergency        boolean     not null default false;
alter table migration_request add column expires_at       timestamptz not null default now() + interval '60 minutes';
alter table migration_request add column decided_by       varchar(32);
alter table migration_request add column decided_at       timestamptz;
alter table migration_request add column decision_comment text;

create index migration_request_state_idx on migration_request (state, requested_at desc);
create index migration_request_requester_idx on migration_request (requested_by, requested_at desc);
create index migration_request_requested_at_idx on migration_request (requested_at desc);

-- The audit trail: one hash chain, append-only.
create table audit_event (
    seq            bigint       primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(64)  not null,
    actor_roles    varchar(200) not null,
    client_address varchar(64)  not null,
    action         varchar(64)  not null,
    cluster_id     varchar(64),
    request_id     bigint,
    outcome        varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    emergency      boolean      not null default false,
    details        text         not null,
    prev_hash      char(64)     not null,
    hash           char(64)     not null
);

create index audit_event_time_idx on audit_event (occurred_at);
create index audit_event_actor_idx on audit_event (actor, seq);
create index audit_event_action_idx on audit_event (action, seq);
create index audit_event_cluster_idx on audit_event (cluster_id, seq);
create index audit_event_request_idx on audit_event (request_id, seq);

-- The database refuses to change or remove audit events, whoever asks.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
