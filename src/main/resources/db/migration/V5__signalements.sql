-- "Signaler une erreur" from a place's public page: kept for moderation (issue 6 builds the queue). No account,
-- no IP address; the e-mail is optional and only used to answer.
create table signalement (
    id          uuid primary key,
    lieu_id     uuid not null references lieu (id) on delete cascade,
    champ       text not null,
    message     text not null,
    courriel    text,
    statut      text not null default 'a_examiner',
    cree_le     timestamptz not null
);

create index signalement_lieu_idx on signalement (lieu_id, cree_le);
create index signalement_statut_idx on signalement (statut, cree_le);
