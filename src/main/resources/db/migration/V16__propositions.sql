-- Issue 6: edits proposed by members not (yet) in charge of a lieu, for the coordinator to accept or reject.
create table proposition_lieu (
    id          uuid primary key,
    lieu_id     uuid not null,
    auteur_id   uuid not null,
    auteur      text not null,
    courriel    text not null,
    moment      timestamptz not null,
    avant       jsonb not null,
    valeurs     jsonb not null,
    motif       text,
    statut      text not null default 'a_examiner' check (statut in ('a_examiner', 'acceptee', 'rejetee')),
    decide_par  text,
    decide_le   timestamptz,
    reponse     text
);
create index proposition_lieu_statut_idx on proposition_lieu (statut, moment);
