-- Notices for one person, written in the transaction of the request move they tell of
-- (RequestNotices, the one catalogue of request events); the console shows each once, on any page.
create table user_notice (
    id          bigserial    primary key,
    recipient   varchar(64)  not null,
    request_id  bigint       not null,
    cluster_id  varchar(64)  not null,
    event       varchar(32)  not null,
    tone        varchar(8)   not null check (tone in ('SUCCESS', 'WARNING', 'ERROR')),
    text        text         not null,
    created_at  timestamptz  not null default now()
);
create index user_notice_recipient on user_notice (recipient, id);
