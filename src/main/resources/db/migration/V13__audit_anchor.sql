-- Events from here on are hashed over a length-prefixed encoding of every field (hash_version 2);
-- earlier events keep the separator-joined encoding they were hashed with (1). See DD005.
alter table audit_event add column hash_version smallint not null default 1;

-- Checkpoints: the chain's head at a moment, signed (HMAC-SHA256) with a key that is never in this
-- database. Someone who can rewrite audit_event consistently still cannot sign a new head.
create table audit_checkpoint (
    id          bigserial    primary key,
    event_seq   bigint       not null,
    head_hash   char(64)     not null,
    created_at  timestamptz  not null,
    key_id      varchar(16)  not null,
    signature   char(64)     not null
);

create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
    for each row execute function audit_event_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_event_append_only();
