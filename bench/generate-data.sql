-- Fills a portal database (schema by Flyway, demo data present) with a realistic volume:
-- 300 agencies, 30,000 users, 1,000,000 cases and 3,000,000 messages over five years.
-- A few agencies are much larger than the rest; Testetaten (the demo agency of kari, lise
-- and rune) is the largest, so the demo users see realistic lists. Deterministic (setseed).
--   psql -v ON_ERROR_STOP=1 -f bench/generate-data.sql <database>
\timing on
select setseed(0.42);

-- Bulk load: the search columns are kept by triggers row by row in normal use (V10); here they
-- are switched off and the columns computed once at the end, with their indexes built after.
alter table support_case disable trigger support_case_search_on_insert;
alter table message disable trigger message_search_append;
drop index if exists support_case_search_public_idx;
drop index if exists support_case_search_internal_idx;
drop index if exists support_case_subject_trgm_idx;

create or replace function pg_temp.org_number(prefix bigint) returns text language sql immutable as $$
    with d as (select lpad(prefix::text, 8, '0') as p),
         s as (select p, (substr(p,1,1)::int*3 + substr(p,2,1)::int*2 + substr(p,3,1)::int*7 + substr(p,4,1)::int*6
                        + substr(p,5,1)::int*5 + substr(p,6,1)::int*4 + substr(p,7,1)::int*3 + substr(p,8,1)::int*2) % 11 as r
               from d)
    select case when r = 0 then p || '0' when r = 1 then null else p || (11 - r)::text end from s
$$;

-- Agencies: 300 in all, with valid MOD11 organisation numbers.
insert into organization (org_number, name)
select n, name
from (
    select pg_temp.org_number(92000000 + g) as n,
           (array['Statens', 'Direktoratet for', 'Norsk', 'Tilsynet for', 'Senter for', 'Etaten for'])[1 + g % 6] || ' ' ||
           (array['vegvesen', 'helse', 'kultur', 'fiskeri', 'utdanning', 'arkiv', 'miljø', 'samferdsel', 'forskning',
                  'landbruk', 'forvaltning', 'beredskap', 'integrering', 'idrett', 'statistikk'])[1 + (g / 6) % 15]
               || ' ' || (g / 90 + 1) as name
    from generate_series(1, 400) g
) candidates
where n is not null
  and not exists (select 1 from organization o where o.org_number = n)
limit 300 - (select count(*) from organization where org_number not in ('974000008'))
on conflict do nothing;

-- Agency rank: 0 is the largest; sizes fall off steeply (rank = floor(300 * r^3)).
create temporary table agency_rank as
select id, row_number() over (order by case when org_number = '910000004' then 0 else 1 end, id) - 1 as rank
from organization where org_number <> '974000008';
create index on agency_rank (rank);

-- 30,000 users (innmeldere; 2% fagbruker lønn, 2% fagbruker regnskap), plus 60 caseworkers.
insert into app_user (username, full_name, email, organization_id)
select 'bruker' || g,
       (array['Anne', 'Bjørn', 'Cecilie', 'Dag', 'Eva', 'Frode', 'Guro', 'Håkon', 'Ingrid', 'Jon', 'Kjersti', 'Lars',
              'Marit', 'Nils', 'Oda', 'Pål', 'Ragnhild', 'Sindre', 'Tone', 'Øystein', 'Åse'])[1 + g % 21] || ' ' ||
       (array['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
              'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Bakken', 'Strand', 'Lie',
              'Dahl', 'Lund', 'Solberg', 'Moen', 'Sæther'])[1 + (g / 21) % 24],
       'bruker' || g || '@etat.example.no', a.id
from (select g, least(floor(300 * power(random(), 3))::int, 299) as rk from generate_series(1, 30000) g) x
join agency_rank a on a.rank = x.rk;

insert into user_role (user_id, role)
select id, case when id % 50 = 0 then 'PAYROLL_SPECIALIST' when id % 50 = 1 then 'ACCOUNTING_SPECIALIST' else 'REPORTER' end
from app_user where username like 'bruker%';

insert into app_user (username, full_name, email, organization_id)
select 'saksbehandler' || g, 'Saksbehandler ' || g, 'saksbehandler' || g || '@kundesenteret.example.no',
       (select id from organization where org_number = '974000008')
from generate_series(1, 60) g;
insert into user_role (user_id, role)
select id, case when id % 2 = 0 then 'PAYROLL_CASEWORKER' else 'ACCOUNTING_CASEWORKER' end
from app_user where username like 'saksbehandler%';

create temporary table reporter as
select row_number() over (order by u.id) as n, u.id, u.organization_id
from app_user u where u.username like 'bruker%';
create index on reporter (n);
create temporary table caseworker as
select row_number() over (order by u.id) as n, u.id, r.role
from app_user u join user_role r on r.user_id = u.id
where r.role in ('PAYROLL_CASEWORKER', 'ACCOUNTING_CASEWORKER');

-- 1,000,000 cases. Reporters are skewed too (some people report far more than others);
-- kari gets 300 of them so her own list has several pages.
create temporary table gen_case as
select g,
       case when g <= 300 then (select id from app_user where username = 'kari') else rp.id end as reporter_id,
       case when random() < 0.6 then 'PAYROLL' else 'ACCOUNTING' end as category,
       case when random() < 0.7 then 'WEB' when random() < 0.67 then 'EMAIL' else 'PHONE' end as channel,
       now() - (random() * interval '1826 days') as created_at,
       floor(random() * 40)::int as subject_no,
       random() as r
from (select g, 1 + least(floor(30000 * power(random(), 1.5))::int, 29999) as rn from generate_series(1, 1000000) g) x
join reporter rp on rp.n = x.rn;

insert into support_case (category, channel, status, subject, organization_id, reporter_id, assignee_id,
        created_at, updated_at, activity_at, last_customer_message_at)
select c.category, c.channel,
       case when c.created_at < now() - interval '60 days' then (case when c.r < 0.93 then 'CLOSED' when c.r < 0.97 then 'POSTPONED' else 'WAITING_FOR_CUSTOMER' end)
            else (array['ACTIVE', 'ACTIVE', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'CLOSED', 'POSTPONED'])[1 + floor(c.r * 6)::int] end,
       (case when c.category = 'PAYROLL' then
           (array['Sykemelding', 'Sykemelding uke', 'Feil i lønnsutbetaling', 'Refusjon av reiseutgifter', 'Endring av skattetrekk',
                  'Overtid ikke utbetalt', 'Foreldrepermisjon', 'Feriepenger', 'Lønnsslipp mangler', 'Trekk i lønn',
                  'Ny ansatt', 'Sluttoppgjør', 'Pensjonstrekk', 'Tilleggslønn', 'Bilag til utbetaling',
                  'Reiseregning', 'Permisjon uten lønn', 'Etterbetaling', 'Timelister', 'Feil skattekort'])[1 + c.subject_no % 20]
        else
           (array['Faktura fra leverandør', 'Avstemming av bankkonto', 'Periodisering av kostnader', 'Feil kontering',
                  'Spørsmål om mva-kode', 'Kreditnota', 'Purring på faktura', 'Årsavslutning', 'Budsjettdisponering',
                  'Anleggsmidler', 'Reskontro', 'Innbetaling uten referanse', 'Refusjonskrav', 'Prosjektregnskap',
                  'Leverandørregister', 'Betalingsfil', 'Valutakurs', 'Internfakturering', 'Avskrivninger', 'Tilskudd'])[1 + c.subject_no % 20]
        end) || case when c.subject_no >= 20 then ' ' || to_char(c.created_at, 'MM.YYYY') else '' end,
       r.organization_id, c.reporter_id,
       case when c.r > 0.3 then (select id from caseworker w where w.n = 1 + (c.g % 60)) end,
       c.created_at, c.created_at + interval '1 day' + (c.r * interval '20 days'),
       -- the internal notes below come before the case's last public event
       c.created_at + interval '1 day' + (c.r * interval '20 days'),
       -- 70% of the customers wrote again when the case was last updated
       case when c.r < 0.7 then c.created_at + interval '1 day' + (c.r * interval '20 days') else c.created_at end
from gen_case c
join app_user r on r.id = c.reporter_id
order by c.created_at;
analyze support_case;

-- 3,000,000 messages: the customer's first message, then replies and internal notes.
create temporary table sentence (n int, txt text);
insert into sentence values
 (0, 'Hei, jeg har et spørsmål om lønnen min for forrige måned.'),
 (1, 'Vedlagt er sykemelding for perioden det gjelder.'),
 (2, 'Kan dere sjekke om refusjonen er registrert?'),
 (3, 'Utbetalingen ble lavere enn forventet, og jeg finner ikke årsaken på lønnsslippen.'),
 (4, 'Fakturaen er ikke kommet inn i regnskapssystemet ennå.'),
 (5, 'Vi trenger hjelp med avstemming av bankkontoen for desember.'),
 (6, 'Skattekortet mitt er endret, og trekket må oppdateres.'),
 (7, 'Overtiden er ført i timelisten, men er ikke utbetalt.'),
 (8, 'Takk for svaret, dette løste saken.'),
 (9, 'Vi har sett på saken og rettet feilen. Endringen kommer med neste lønnskjøring.'),
 (10, 'Kan du sende oss dokumentasjon på fraværet?'),
 (11, 'Saken er utsatt fordi fristen for denne lønnskjøringen er passert.'),
 (12, 'Bilaget er kontert på feil prosjekt og må flyttes.'),
 (13, 'Leverandøren har sendt kreditnota som må knyttes til fakturaen.'),
 (14, 'Feriepengene er beregnet ut fra fjorårets opptjening.'),
 (15, 'Sykemeldingen er registrert og refusjonskravet er sendt til NAV.'),
 (16, 'Internt: sjekket mot lønnssystemet, avviket skyldes manglende timeliste.'),
 (17, 'Internt: ring leder for å bekrefte permisjonen før vi behandler saken.'),
 (18, 'Periodiseringen gjelder husleie som er betalt forskuddsvis for hele året.'),
 (19, 'Mva-koden for kjøp av tjenester fra utlandet er snudd avregning.');

insert into message (case_id, author_id, author_side, body, internal, created_at)
select c.id, c.reporter_id, 'CUSTOMER',
       (select string_agg(txt, ' ') from sentence s where s.n in (c.id % 8, (c.id / 8) % 8 + (case when c.category = 'ACCOUNTING' then 4 else 0 end), 18 + c.id % 2)),
       false, c.created_at
from support_case c;

insert into message (case_id, author_id, author_side, body, internal, created_at)
select c.id, coalesce(c.assignee_id, c.reporter_id), case when c.assignee_id is null then 'CUSTOMER' else 'CENTRE' end,
       (select txt from sentence s where s.n = 9 + c.id % 7),
       false, c.created_at + interval '1 day'
from support_case c;

insert into message (case_id, author_id, author_side, body, internal, created_at)
select c.id, c.reporter_id, 'CUSTOMER', (select txt from sentence s where s.n = 8), false, c.updated_at
from support_case c
where c.last_customer_message_at = c.updated_at;

-- Internal notes make up the rest, up to 3,000,000 messages.
insert into message (case_id, author_id, author_side, body, internal, created_at)
select c.id, c.assignee_id, 'CENTRE', (select txt from sentence s where s.n = 16 + c.id % 2), true,
       c.created_at + interval '6 hours'
from support_case c
where c.assignee_id is not null
limit greatest(3000000 - (select count(*) from message), 0);

-- Status history: every case was registered ACTIVE; moved cases have the change.
insert into status_change (case_id, from_status, to_status, changed_by, changed_at)
select id, null, 'ACTIVE', reporter_id, created_at from support_case;
insert into status_change (case_id, from_status, to_status, changed_by, changed_at)
select id, 'ACTIVE', status, coalesce(assignee_id, reporter_id), updated_at from support_case where status <> 'ACTIVE';

-- The search columns, as the triggers would have kept them.
update support_case c
set search_public = setweight(to_tsvector('norwegian', c.subject), 'A') || coalesce(m.pub, ''::tsvector),
    search_internal = coalesce(m.intl, ''::tsvector)
from (select case_id,
             to_tsvector('norwegian', string_agg(body, ' ' order by id) filter (where not internal)) as pub,
             to_tsvector('norwegian', string_agg(body, ' ' order by id) filter (where internal)) as intl
      from message group by case_id) m
where m.case_id = c.id;
create index support_case_search_public_idx on support_case using gin (search_public);
create index support_case_search_internal_idx on support_case using gin (search_internal);
create index support_case_subject_trgm_idx on support_case using gin (subject gin_trgm_ops);
alter table support_case enable trigger support_case_search_on_insert;
alter table message enable trigger message_search_append;

-- What is new (V33): the centre's last public answer and status change, and every reporter and
-- assignee having seen their cases as they are.
update support_case c
set centre_replied_at = (select max(m.created_at) from message m
                         where m.case_id = c.id and m.author_side = 'CENTRE' and not m.internal
                           and m.created_at > c.created_at),
    status_changed_at = (select max(s.changed_at) from status_change s
                         where s.case_id = c.id and s.from_status is not null
                           and not s.caused_by_customer_message);
insert into case_opened (user_id, case_id, opened_at)
select reporter_id, id, greatest(updated_at, activity_at) from support_case;
insert into case_opened (user_id, case_id, opened_at)
select assignee_id, id, activity_at from support_case where assignee_id is not null
on conflict do nothing;
update case_opened o set news = true
from support_case c
where c.id = o.case_id and (c.centre_replied_at > o.opened_at or c.status_changed_at > o.opened_at);

vacuum analyze organization, app_user, user_role, support_case, message, status_change, case_opened;
select (select count(*) from organization) as agencies, (select count(*) from app_user) as users,
       (select count(*) from support_case) as cases, (select count(*) from message) as messages;
