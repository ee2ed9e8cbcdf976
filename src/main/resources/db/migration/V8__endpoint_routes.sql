-- Where each endpoint routes now (it differs from the side it is named after once swapped), and
-- where a request moves the endpoints: swapped from where they pointed when it was made.
alter table endpoint add column routes_to varchar(8) check (routes_to in ('RDS', 'POLARDB'));
alter table migration_request add column endpoints_swapped_after boolean;
