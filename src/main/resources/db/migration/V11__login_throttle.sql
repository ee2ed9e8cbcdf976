-- Failed logins per account and per client address, shared by every node: a growing delay, then a
-- temporary lockout (docs/security.md). A key is "user:<name>" or "address:<ip>".
create table login_throttle (
    throttle_key  varchar(120) primary key,
    failures      integer      not null,
    last_failure  timestamptz  not null,
    locked_until  timestamptz
);

-- Repeated failures for one account from one address within a minute become one audit event with a
-- count: the first is recorded at once, the rest when the minute is over.
create table login_failure_window (
    username    varchar(64)  not null,
    address     varchar(64)  not null,
    started_at  timestamptz  not null,
    failures    integer      not null,
    last_reason text         not null,
    primary key (username, address)
);
