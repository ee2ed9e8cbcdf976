-- Run by Flyway after every migration, as the schema owner. When the application connects as a role of
-- its own (SWITCHBACK_DB_APP_ROLE; the embedded database always does), that role may change every table
-- but may only read and append to the audit trail and its checkpoints: it cannot disable the triggers,
-- rewrite or remove events, whatever it is asked to run (docs/security.md, DD005).
do $$
declare
    app text := '${appRole}';
begin
    if app <> '' and app <> current_user then
        execute format('grant usage on schema public to %I', app);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
        execute format('grant usage, select, update on all sequences in schema public to %I', app);
        execute format('revoke update, delete, truncate, references, trigger on audit_event, audit_checkpoint from %I', app);
        execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    end if;
end
$$;
