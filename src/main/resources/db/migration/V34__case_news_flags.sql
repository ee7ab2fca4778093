-- The menu's count of cases with news (decision 0076) reads only the openings that have news,
-- from a small partial index, instead of comparing every opening with its case. news is true
-- when the case's centre_replied_at or status_changed_at is after opened_at: the database sets
-- it when either column moves, opening a case recomputes it (CaseOpenings).

alter table case_opened add column news boolean not null default false;

update case_opened o
set news = true
from support_case c
where c.id = o.case_id
  and (c.centre_replied_at > o.opened_at or c.status_changed_at > o.opened_at);

create index case_opened_news on case_opened (user_id) where news;
-- The trigger below finds a case's openings by case.
create index case_opened_case on case_opened (case_id);

-- Whatever code moves the two columns, the flags follow in the same transaction.
create function case_opened_news_refresh() returns trigger
    language plpgsql as
$$
begin
    update case_opened
    set news = true
    where case_id = new.id
      and not news
      and (opened_at < new.centre_replied_at or opened_at < new.status_changed_at);
    return null;
end;
$$;

create trigger case_opened_news_on_change
    after update of centre_replied_at, status_changed_at on support_case
    for each row
    when (old.centre_replied_at is distinct from new.centre_replied_at
          or old.status_changed_at is distinct from new.status_changed_at)
    execute function case_opened_news_refresh();
