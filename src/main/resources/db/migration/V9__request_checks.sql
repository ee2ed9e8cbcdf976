-- The checks a request met, kept with it: when it was made, when it was approved, and when its
-- execution started (a failure blocks the action's first step; warnings were acknowledged).
create table request_check (
    request_id bigint       not null references migration_request (id),
    phase      varchar(16)  not null check (phase in ('REQUESTED', 'APPROVED', 'STARTED')),
    seq        integer      not null,
    name       varchar(200) not null,
    outcome    varchar(8)   not null check (outcome in ('PASS', 'WARN', 'FAIL')),
    detail     text         not null,
    fix        text         not null default '',
    checked_at timestamptz  not null default now(),
    primary key (request_id, phase, seq)
);
