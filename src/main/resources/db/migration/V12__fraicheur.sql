-- Issue 6: "toujours exact" confirmations of a lieu, append-only; with edits and the producers' date_maj they say
-- when a lieu was last known to be right.
create table confirmation_lieu (
    id         uuid primary key,
    lieu_id    uuid not null,
    auteur_id  uuid,
    auteur     text not null,
    moment     timestamptz not null
);
create index confirmation_lieu_idx on confirmation_lieu (lieu_id, moment);
