-- The language each person picked in the user menu (a language tag such as zh-CN); null follows the browser.
alter table app_user add column locale text check (locale is null or length(locale) <= 35);
