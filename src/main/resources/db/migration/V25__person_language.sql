-- The language a person last chose in the portal (nb, nn or en): their notices are written in it.
alter table app_user add column language varchar(2) check (language in ('nb', 'nn', 'en'));
