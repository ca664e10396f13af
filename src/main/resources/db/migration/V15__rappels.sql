-- Issue 6: reminders to members whose lieux need checking, once per period, with an opt-out.
alter table compte add column rappels boolean not null default true;

create table rappel_fraicheur (
    compte_id  uuid not null references compte (id) on delete cascade,
    periode    text not null,
    envoye_le  timestamptz not null,
    lieux      integer not null,
    primary key (compte_id, periode)
);
