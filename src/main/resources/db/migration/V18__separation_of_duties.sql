-- Separation of duties (decision 0028): an administrator grants access and sees no case content,
-- so nobody holds the administrator role together with a role that sees cases. The portal checks
-- this when a request is made and approved; the database holds it whatever writes the roles.
create function user_role_separation_of_duties() returns trigger language plpgsql as $$
begin
    -- One person's roles are checked one at a time, also when two grants run at once.
    perform 1 from app_user where id = new.user_id for update;
    if exists (select 1 from user_role r
               where r.user_id = new.user_id and r.role <> new.role
                 and (r.role = 'ADMINISTRATOR' or new.role = 'ADMINISTRATOR')) then
        raise exception 'user % cannot hold % together with the roles they have', new.user_id, new.role
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger user_role_separation_of_duties before insert or update on user_role
    for each row execute function user_role_separation_of_duties();
