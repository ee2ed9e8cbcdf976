-- Users and their roles (ARCHITECTURE §4). Passwords are bcrypt hashes.
create table app_user (
    username      varchar(32)  primary key,
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

create table app_user_role (
    username varchar(32) not null references app_user (username) on delete cascade,
    role     varchar(16) not null check (role in ('DBA', 'TEAM_LEAD', 'AUDITOR', 'ADMIN')),
    primary key (username, role)
);

-- Clusters as the backends discover them (DescribeDBClusters).
create table cluster (
    id             varchar(64)  primary key,
    backend        varchar(32)  not null,
    description    varchar(256) not null default '',
    region         varchar(64)  not null,
    engine_version varchar(64)  not null,
    cluster_status varchar(64)  not null,
    discovered_at  timestamptz  not null default now()
);

-- The last migration status the poller read from the backend (DescribeDBClusterMigration).
-- status is kept raw: a value Switchback does not know is shown as it came.
create table migration (
    cluster_id      varchar(64)  primary key references cluster (id),
    backend         varchar(32)  not null,
    source_rds_id   varchar(64),
    status          varchar(64)  not null,
    rds_rw_mode     varchar(2)   check (rds_rw_mode in ('rw', 'ro')),
    cluster_rw_mode varchar(2)   check (cluster_rw_mode in ('rw', 'ro')),
    topology        varchar(16)  check (topology in ('RDS2POLARDB', 'POLARDB2RDS')),
    delayed_seconds integer      not null default -1,
    expired_time    timestamptz,
    comment         text         not null default '',
    observed_at     timestamptz  not null default now()
);

create index migration_status_idx on migration (status);
create index migration_delay_idx on migration (delayed_seconds);

create table endpoint (
    cluster_id        varchar(64)  not null references cluster (id),
    side              varchar(8)   not null check (side in ('RDS', 'POLARDB')),
    endpoint_id       varchar(64)  not null,
    endpoint_type     varchar(32)  not null,
    connection_string varchar(256) not null,
    port              integer      not null,
    net_type          varchar(16)  not null,
    primary key (cluster_id, side, endpoint_id)
);

-- A request to run an action: the record between a click and its execution.
create table migration_request (
    id             bigserial    primary key,
    cluster_id     varchar(64)  not null references cluster (id),
    action         varchar(16)  not null check (action in ('SWITCH_OVER', 'ROLL_BACK', 'CANCEL', 'COMPLETE')),
    swap_endpoints boolean      not null,
    state          varchar(16)  not null check (state in ('PENDING', 'APPROVED', 'EXECUTING', 'SUCCEEDED', 'FAILED')),
    requested_by   varchar(32)  not null,
    requested_at   timestamptz  not null default now(),
    executor_id    varchar(64),
    heartbeat_at   timestamptz,
    started_at     timestamptz,
    finished_at    timestamptz,
    error          text,
    state_left     text,
    version        bigint       not null default 0
);

-- At most one open request per migration, whatever the UI or the number of nodes.
create unique index migration_request_one_open
    on migration_request (cluster_id) where state in ('PENDING', 'APPROVED', 'EXECUTING');
create index migration_request_cluster_idx on migration_request (cluster_id, id desc);
create index migration_request_claimable_idx on migration_request (id) where state in ('APPROVED', 'EXECUTING');

-- The journal of an executing request: one row per step, resumed after a crash.
create table operation_step (
    request_id  bigint       not null references migration_request (id),
    seq         integer      not null,
    step_key    varchar(64)  not null,
    title       varchar(200) not null,
    state       varchar(8)   not null check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    started_at  timestamptz,
    finished_at timestamptz,
    note        text         not null default '',
    error       text,
    primary key (request_id, seq)
);
