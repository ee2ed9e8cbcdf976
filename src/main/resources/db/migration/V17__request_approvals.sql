-- Each team lead's approval of a request, when an action needs more than one (switchback.approval.approvals):
-- one row per person, so nobody approves twice; the request moves to APPROVED with the last one needed.
create table request_approval (
    request_id  bigint       not null references migration_request (id),
    approved_by varchar(64)  not null,
    approved_at timestamptz  not null default now(),
    comment     text         not null default '',
    primary key (request_id, approved_by)
);
