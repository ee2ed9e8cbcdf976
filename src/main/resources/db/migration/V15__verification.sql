-- Verify Data: one run per row, claimed and fenced like a migration request (base.jobs.JobClaims).
create table verification (
    id              bigserial    primary key,
    cluster_id      varchar(64)  not null references cluster (id),
    requested_by    varchar(64)  not null,
    requested_at    timestamptz  not null default now(),
    state           varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    executor_id     varchar(128),
    heartbeat_at    timestamptz,
    epoch           bigint       not null default 0,
    started_at      timestamptz,
    finished_at     timestamptz,
    cancel_requested boolean     not null default false,
    rows_estimated  bigint       not null default 0,
    rows_done       bigint       not null default 0,
    chunks_done     bigint       not null default 0,
    differences     bigint       not null default 0,
    not_checkable   int          not null default 0,
    error           text
);
-- At most one open verification per cluster, whatever the number of nodes.
create unique index verification_one_open on verification (cluster_id) where state in ('QUEUED', 'RUNNING');
create index verification_cluster_idx on verification (cluster_id, id desc);

-- Each table of a run: its key, its counts, and where the next chunk starts (the resume point).
create table verification_table (
    verification_id bigint       not null references verification (id),
    ordinal         int          not null,
    schema_name     varchar(64)  not null,
    table_name      varchar(64)  not null,
    key_columns     text         not null,
    not_checkable   text,
    missing_on      varchar(8),
    rows_estimated  bigint       not null default 0,
    rows_compared   bigint       not null default 0,
    chunks          bigint       not null default 0,
    matching        bigint       not null default 0,
    missing_on_rds  bigint       not null default 0,
    missing_on_polardb bigint    not null default 0,
    different       bigint       not null default 0,
    next_after      text,
    done            boolean      not null default false,
    millis          bigint       not null default 0,
    primary key (verification_id, ordinal)
);

-- Every differing row, by its key (a JSON array of the key's values).
create table verification_difference (
    id              bigserial    primary key,
    verification_id bigint       not null references verification (id),
    ordinal         int          not null,
    key_values      text         not null,
    kind            varchar(20)  not null check (kind in ('MISSING_ON_RDS', 'MISSING_ON_POLARDB', 'DIFFERENT'))
);
create index verification_difference_run on verification_difference (verification_id, id);
