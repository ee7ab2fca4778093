-- The centre's first public message on a case (the dashboard's time to first answer) as the
-- first entry of a small index instead of a walk through all its messages.
create index message_first_answer_idx on message (case_id, created_at)
    where author_side = 'CENTRE' and not internal;
