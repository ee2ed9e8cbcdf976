-- The mysql backend's mark of an action in flight (SWITCHING, ROLLBACK, CLOSING_MIGRATION). The
-- servers show their modes and their link, but not that an action is half done; this does, and
-- it survives a crash of Switchback like the journal it belongs with.
create table mysql_pair_phase (
    cluster_id varchar(64) primary key references cluster (id),
    status     varchar(64) not null,
    since      timestamptz not null default now()
);
