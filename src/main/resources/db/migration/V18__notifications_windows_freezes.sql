-- Notification channels (administrators manage them): where events are sent, in the channel's own format.
-- The endpoint (a webhook URL carries its own token) and the secret are stored encrypted with a key kept
-- outside the database (SecretBox); they are never shown again after saving.
create table notification_channel (
    id             bigserial    primary key,
    name           varchar(100) not null unique,
    type           varchar(16)  not null check (type in ('DINGTALK', 'FEISHU', 'WECOM', 'SLACK', 'WEBHOOK', 'EMAIL')),
    enabled        boolean      not null default true,
    endpoint_enc   text         not null,
    endpoint_hint  varchar(200) not null default '',
    secret_enc     text,
    smtp_username  varchar(200) not null default '',
    smtp_from      varchar(200) not null default '',
    smtp_tls       varchar(8)   not null default 'STARTTLS' check (smtp_tls in ('NONE', 'STARTTLS', 'TLS')),
    recipients     text         not null default '',
    events         text         not null default '',
    clusters       text         not null default '',
    created_by     varchar(32)  not null,
    updated_at     timestamptz  not null default now()
);

-- The outbox: one row per message and channel, written in the transaction of the event it tells of, and
-- delivered by the background sender through the one claim-and-fence mechanism (JobClaims). The
-- idempotency key makes an event that is emitted twice one message.
create table notification_outbox (
    id              bigserial    primary key,
    channel_id      bigint       not null references notification_channel (id) on delete cascade,
    idempotency_key varchar(200) not null,
    event           varchar(48)  not null,
    cluster_id      varchar(64),
    request_id      bigint,
    title           varchar(300) not null,
    text            text         not null,
    link            varchar(300) not null,
    state           varchar(8)   not null default 'PENDING' check (state in ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    executor_id     varchar(64),
    heartbeat_at    timestamptz,
    epoch           bigint       not null default 0,
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    unique (channel_id, idempotency_key)
);
create index notification_outbox_ready on notification_outbox (next_attempt_at, id) where state in ('PENDING', 'SENDING');
create index notification_outbox_recent on notification_outbox (id desc);

-- Every attempt to deliver a message: the delivery log administrators read.
create table notification_attempt (
    id          bigserial    primary key,
    outbox_id   bigint       not null references notification_outbox (id) on delete cascade,
    attempt     integer      not null,
    executor_id varchar(64)  not null,
    at          timestamptz  not null default now(),
    ok          boolean      not null,
    detail      text         not null,
    duration_ms integer      not null
);
create index notification_attempt_outbox on notification_attempt (outbox_id, id);

-- Events raised by time rather than by a move (a migration window ending, a verification going stale):
-- raised once per subject and threshold, whichever node sees it first.
create table event_raised (
    event      varchar(48)  not null,
    subject    varchar(200) not null,
    raised_at  timestamptz  not null default now(),
    primary key (event, subject)
);

-- Notices may tell of something other than a request (a cluster's migration window).
alter table user_notice alter column request_id drop not null;
alter table user_notice add column link varchar(300);

-- Maintenance windows: a request may run only between these times, and expires at the window's end.
alter table migration_request add column window_start timestamptz;
alter table migration_request add column window_end timestamptz;
alter table migration_request add constraint migration_request_window
    check ((window_start is null and window_end is null) or (window_start < window_end));
-- Made during a change freeze as an exception: it needs two team leads' approvals.
alter table migration_request add column freeze_exception boolean not null default false;

-- Change freezes: no new requests (but for the actions allowed during a freeze, and freeze exceptions
-- approved by two team leads) between starts_at and ends_at, on all clusters or the ones named.
create table change_freeze (
    id          bigserial    primary key,
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    reason      varchar(500) not null,
    clusters    text         not null default '',
    created_by  varchar(32)  not null,
    created_at  timestamptz  not null default now(),
    ended_by    varchar(32),
    check (starts_at < ends_at)
);
create index change_freeze_ends on change_freeze (ends_at);
