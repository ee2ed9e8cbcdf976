-- The language each person picked in the user menu (a language tag such as zh-CN); null follows the browser.
alter table app_user add column locale text check (locale is null or length(locale) <= 35);
-- An in-app notice as a message key and its values, so each reader sees it in their language; text stays English.
alter table user_notice add column text_key text;
alter table user_notice add column text_params text;
