-- Issue 6: every edit made in Maillage, append-only (who, when, before, after, why). The edited values themselves are a
-- source record (import source 'saisie-maillage') merged like any other.
create table saisie_lieu (
    id          uuid primary key,
    lieu_id     uuid not null,
    auteur_id   uuid,
    auteur      text not null,
    moment      timestamptz not null,
    avant       jsonb not null,
    apres       jsonb not null,
    motif       text
);
create index saisie_lieu_lieu_idx on saisie_lieu (lieu_id, moment);
