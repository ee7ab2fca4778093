-- Demo profile only: the agencies, people and cases of DESIGN.md section 7. Password "demo".
-- Safe to run again: nothing is inserted twice.

insert into organization (org_number, name) values
    ('910000004', 'Testetaten'),
    ('911000008', 'Prøvedirektoratet'),
    ('974000008', 'Kundesenteret')
on conflict (org_number) do nothing;

insert into app_user (username, full_name, email, organization_id, password_hash)
select u.username, u.full_name, u.email, o.id, '{bcrypt}$2a$10$/JCn.jjl6954EL1OiBUD1ugSWHi02UbokOZqscrzFgikHzWa7PGBG'
from (values
    ('kari',   'Kari Nordmann',        'kari.nordmann@testetaten.no',        '910000004'),
    ('ola',    'Ola Nordmann',         'ola.nordmann@testetaten.no',         '910000004'),
    ('lise',   'Lise Lønn',            'lise.lonn@testetaten.no',            '910000004'),
    ('rune',   'Rune Regnskap',        'rune.regnskap@testetaten.no',        '910000004'),
    ('per',    'Per Hansen',           'per.hansen@provedirektoratet.no',    '911000008'),
    ('siri',   'Siri Saksbehandler',   'siri.saksbehandler@kundesenteret.no',   '974000008'),
    ('sverre', 'Sverre Saksbehandler', 'sverre.saksbehandler@kundesenteret.no', '974000008'),
    ('admin',  'Anne Admin',           'anne.admin@kundesenteret.no',        '974000008')
) as u (username, full_name, email, org_number)
join organization o on o.org_number = u.org_number
on conflict (username) do nothing;

insert into user_role (user_id, role)
select au.id, r.role
from (values
    ('kari', 'REPORTER'), ('ola', 'REPORTER'), ('per', 'REPORTER'),
    ('lise', 'PAYROLL_SPECIALIST'), ('rune', 'ACCOUNTING_SPECIALIST'),
    ('siri', 'PAYROLL_CASEWORKER'), ('sverre', 'ACCOUNTING_CASEWORKER'),
    ('admin', 'ADMINISTRATOR')
) as r (username, role)
join app_user au on au.username = r.username
on conflict do nothing;

-- Ten cases for each agency-side person: every status in both categories, channels in turn.
do $demo$
declare
    statuses  text[] := array['ACTIVE', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'CLOSED', 'POSTPONED'];
    channels  text[] := array['WEB', 'EMAIL', 'PHONE'];
    payroll_subjects text[] := array['Sykemelding', 'Feil i lønnsutbetaling', 'Refusjon av reiseutgifter',
                                     'Endring av skattetrekk', 'Overtid ikke utbetalt'];
    payroll_texts text[] := array[
        'Hei. Vedlagt er sykemelding for perioden 3. til 14. mars. Kan dere registrere den?',
        'Lønnen for forrige måned ble 2 300 kroner lavere enn avtalt. Kan dere se på det?',
        'Jeg har sendt reiseregning for tjenestereisen til Bergen, men har ikke fått refusjon.',
        'Jeg har fått nytt skattekort. Vil det bli brukt fra neste lønnskjøring?',
        'Overtiden jeg jobbet i februar er ikke kommet med på lønnsslippen.'];
    accounting_subjects text[] := array['Faktura fra leverandør', 'Avstemming av bankkonto', 'Periodisering av kostnader',
                                        'Feil kontering', 'Spørsmål om mva-kode'];
    accounting_texts text[] := array[
        'Vi har mottatt en faktura som ikke er kommet inn i systemet. Fakturanummer 55512.',
        'Bankkontoen stemmer ikke med hovedboken for januar. Differansen er 1 250 kroner.',
        'Hvordan skal vi periodisere husleie som er betalt forskuddsvis for et helt år?',
        'Et bilag er ført på feil prosjekt. Kan dere rette konteringen?',
        'Hvilken mva-kode skal brukes for kjøp av tjenester fra utlandet?'];
    replies text[] := array[
        'Takk for henvendelsen. Vi ser på saken.',
        'Takk. Vi ser på saken og kommer tilbake til deg.',
        'Vi trenger mer informasjon: kan du sende oss dokumentasjonen?',
        'Saken er ordnet. Endringen kommer med neste utbetaling.',
        'Saken er utsatt til neste lønnskjøring fordi fristen er passert.'];
    reporter record;
    status_index int;
    category text;
    channel text;
    caseworker_id bigint;
    case_no bigint;
    n int;
    created timestamptz;
    answered timestamptz;
    author bigint;
    subject text;
    body text;
begin
    for reporter in
        select au.id, au.organization_id, au.username from app_user au
        where au.username in ('kari', 'ola', 'lise', 'rune', 'per')
          and not exists (select 1 from support_case c where c.reporter_id = au.id)
        order by au.id
    loop
        n := 0;
        foreach category in array array['PAYROLL', 'ACCOUNTING'] loop
            for status_index in 1..5 loop
                n := n + 1;
                channel := channels[1 + (n + reporter.id::int) % 3];
                select id into caseworker_id from app_user
                    where username = case when category = 'PAYROLL' then 'siri' else 'sverre' end;
                created := date_trunc('minute', now()) - make_interval(days => 3 * n + (reporter.id::int % 5), hours => n);
                answered := created + interval '1 day 2 hours';
                if category = 'PAYROLL' then
                    subject := payroll_subjects[status_index];
                    body := payroll_texts[status_index];
                else
                    subject := accounting_subjects[status_index];
                    body := accounting_texts[status_index];
                end if;
                -- A phone case is written down by the caseworker who took the call.
                author := case when channel = 'PHONE' then caseworker_id else reporter.id end;

                insert into support_case (category, channel, status, subject, organization_id, reporter_id,
                        assignee_id, voucher_employee_number, voucher_employee_name, voucher_pay_period,
                        voucher_amount, voucher_note, created_at, updated_at, activity_at)
                values (category, channel, statuses[status_index], subject, reporter.organization_id, reporter.id,
                        case when status_index = 1 then null else caseworker_id end,
                        case when category = 'PAYROLL' and status_index in (1, 4) then '10' || (2000 + n) end,
                        case when category = 'PAYROLL' and status_index in (1, 4) then 'Ola Ansatt' end,
                        case when category = 'PAYROLL' and status_index in (1, 4) then to_char(created, 'YYYY-MM') end,
                        case when category = 'PAYROLL' and status_index in (1, 4) then 12500.50 + n end,
                        case when category = 'PAYROLL' and status_index = 4 then 'Gjelder etterbetaling' end,
                        created,
                        case when status_index = 1 then created else answered end,
                        case when status_index = 1 then created else answered end)
                returning id into case_no;

                insert into message (case_id, author_id, author_side, body, internal, created_at)
                values (case_no, author, case when author = reporter.id then 'CUSTOMER' else 'CENTRE' end,
                        body, false, created);
                insert into status_change (case_id, from_status, to_status, changed_by, changed_at)
                values (case_no, null, 'ACTIVE', author, created);

                if status_index > 1 then
                    insert into message (case_id, author_id, author_side, body, internal, created_at)
                    values (case_no, caseworker_id, 'CENTRE',
                            'Internt notat: sjekket mot lønnssystemet, ingen avvik funnet ennå.', true,
                            answered - interval '1 hour');
                    insert into message (case_id, author_id, author_side, body, internal, created_at)
                    values (case_no, caseworker_id, 'CENTRE', replies[status_index], false, answered);
                    insert into status_change (case_id, from_status, to_status, changed_by, changed_at)
                    values (case_no, 'ACTIVE', statuses[status_index], caseworker_id, answered);
                end if;
            end loop;
        end loop;
    end loop;
end
$demo$;

-- Conversation and casework: how long each demo case has waited, and a few canned replies.
update support_case c
set last_customer_message_at = coalesce(
        (select max(m.created_at) from message m where m.case_id = c.id and m.author_side = 'CUSTOMER'),
        c.created_at)
where c.last_customer_message_at is null;

-- What is new: when the centre answered and moved each case, and reporters and assignees
-- having seen everything so far (as V33 does for cases that were there before it).
update support_case c
set centre_replied_at = (select max(m.created_at) from message m
                         where m.case_id = c.id and m.author_side = 'CENTRE' and not m.internal
                           and m.created_at > c.created_at),
    status_changed_at = (select max(s.changed_at) from status_change s
                         where s.case_id = c.id and s.from_status is not null
                           and not s.caused_by_customer_message)
where not exists (select 1 from case_opened o where o.case_id = c.id);

insert into case_opened (user_id, case_id, opened_at, news)
select o.user_id, o.case_id, o.opened_at,
       coalesce(c.centre_replied_at > o.opened_at or c.status_changed_at > o.opened_at, false)
from (select reporter_id, id, greatest(updated_at, activity_at) from support_case
      union all
      select assignee_id, id, activity_at from support_case where assignee_id is not null)
     as o (user_id, case_id, opened_at)
join support_case c on c.id = o.case_id
on conflict do nothing;

insert into canned_reply (category, title, body, updated_by, updated_at)
select t.category, t.title, t.body, au.id, now()
from (values
    ('PAYROLL', 'Trenger sykemelding',
     'Hei. For å registrere fraværet trenger vi sykemeldingen. Kan du legge den ved i saken?'),
    ('PAYROLL', 'Retting i neste lønnskjøring',
     'Hei. Vi har rettet feilen. Endringen kommer med i neste lønnskjøring.'),
    ('ACCOUNTING', 'Trenger bilag',
     'Hei. Vi trenger bilaget for å kunne føre posten. Kan du legge det ved i saken?'),
    ('ACCOUNTING', 'Rettet kontering',
     'Hei. Konteringen er rettet, og endringen vises i neste rapport.')
) as t (category, title, body)
join app_user au on au.username = case when t.category = 'PAYROLL' then 'siri' else 'sverre' end
on conflict (category, title) do nothing;
-- A person who has signed in but holds no role yet, to try "Bestille tilgang" (/tilgang) with.
insert into app_user (username, full_name, email, organization_id, password_hash)
select 'nina', 'Nina Ny', 'nina.ny@testetaten.no', o.id,
       '{bcrypt}$2a$10$/JCn.jjl6954EL1OiBUD1ugSWHi02UbokOZqscrzFgikHzWa7PGBG'
from organization o where o.org_number = '910000004'
on conflict (username) do nothing;
-- Testetaten's own systems may use the API (Maskinporten tokens from the demo's OpenID provider,
-- README "Using the API"), through its system account.
insert into app_user (username, full_name, email, organization_id, enabled)
select 'api-910000004', 'Testetaten (fagsystem)', 'api-910000004@system.invalid', o.id, false
from organization o where o.org_number = '910000004'
on conflict (username) do nothing;
insert into api_agency (organization_id, system_user_id, enabled)
select o.id, u.id, true
from organization o join app_user u on u.username = 'api-910000004'
where o.org_number = '910000004'
on conflict (organization_id) do nothing;
