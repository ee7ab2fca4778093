-- What posting costs on a busy case: opens one case of kari's and posts long messages (20,000
-- characters) on it, one transaction each as in the portal, and prints the time per message
-- (the insert with its search trigger, and the commit) for every `every` messages. Stops at the
-- first message that fails and says why. Needs a portal database with the demo users.
--
--   psql -v kind=ordinary -v messages=300 -v every=50 -f bench/busy-case.sql <database>
--   psql -v kind=distinct -v messages=300 -v every=50 -f bench/busy-case.sql <database>
--
-- ordinary: sentences of a payroll conversation with numbers among them (few distinct words);
-- distinct: 2,500 words in each message that no other message has (the hostile case).
\set ON_ERROR_STOP on
\pset pager off

create function pg_temp.long_message(kind text, n integer) returns text
    language plpgsql as
$$
declare
    sentences text[] := array['Hei, jeg har et spørsmål om lønnen min for %s.',
        'Utbetalingen den %s ble %s kroner lavere enn forventet.', 'Vedlagt er sykemelding for perioden fra %s til %s.',
        'Kan dere sjekke om refusjonen på %s kroner er registrert?',
        'Overtiden i uke %s er ført i timelisten, men ikke utbetalt.',
        'Skattekortet er endret, og trekket må være %s prosent fra %s.',
        'Fakturaen med nummer %s er ikke kommet inn i regnskapssystemet.',
        'Vi har rettet feilen, og endringen kommer med lønnskjøringen %s.',
        'Feriepengene er beregnet ut fra fjorårets opptjening på %s kroner.',
        'Bilaget er kontert på prosjekt %s og må flyttes til prosjekt %s.',
        'Takk for svaret, dette løste saken for oss.'];
    body text := '';
    next text;
    i bigint := n * 100000;
begin
    loop
        if kind = 'distinct' then
            next := 'x' || chr(97 + (i % 26)::int) || chr(97 + (i / 26 % 26)::int) || chr(97 + (i / 676 % 26)::int)
                    || chr(97 + (i / 17576 % 26)::int) || chr(97 + (i / 456976 % 26)::int)
                    || chr(97 + (i / 11881376 % 26)::int);
            i := i + 1;
        else
            next := format(sentences[1 + floor(random() * array_length(sentences, 1))::int],
                           1 + floor(random() * 3000)::int, 1 + floor(random() * 3000)::int);
        end if;
        exit when length(body) + length(next) + 1 > 20000;
        body := body || next || ' ';
    end loop;
    return rtrim(body);
end;
$$;

create procedure pg_temp.post_long_messages(kind text, messages integer, every integer)
    language plpgsql as
$$
declare
    kari app_user%rowtype;
    case_id bigint;
    started timestamptz;
    took double precision;
    total double precision := 0;
    slowest double precision := 0;
    n integer;
    body text;
begin
    perform setseed(0.42);
    select * into kari from app_user where username = 'kari';
    insert into support_case (category, channel, status, subject, organization_id, reporter_id, created_at,
                              updated_at, activity_at, last_customer_message_at)
    values ('PAYROLL', 'WEB', 'ACTIVE', 'Travel sak', kari.organization_id, kari.id, now(), now(), now(), now())
    returning id into case_id;
    commit;
    for n in 1..messages loop
        body := pg_temp.long_message(kind, n);
        started := clock_timestamp();
        begin
            insert into message (case_id, author_id, author_side, body, internal, created_at)
            values (case_id, kari.id, 'CUSTOMER', body, false, now());
        exception when others then
            raise notice 'message % failed: % (%)', n, sqlerrm, sqlstate;
            exit;
        end;
        commit;
        took := extract(epoch from clock_timestamp() - started) * 1000;
        total := total + took;
        slowest := greatest(slowest, took);
        if n % every = 0 then
            raise notice 'messages % to %: % ms per message on average, slowest % ms; column % bytes, % words',
                n - every + 1, n, round((total / every)::numeric, 2), round(slowest::numeric, 2),
                (select pg_column_size(c.search_public || ''::tsvector) from support_case c where c.id = case_id),
                (select length(c.search_public) from support_case c where c.id = case_id);
            total := 0;
            slowest := 0;
        end if;
    end loop;
end;
$$;

call pg_temp.post_long_messages(:'kind', :messages, :every);
