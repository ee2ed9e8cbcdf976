-- Each person's choice of the dark theme, remembered with their account.
alter table app_user add column dark_mode boolean not null default false;
