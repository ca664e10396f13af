-- The actors directory of the coordination module (issue 18): structures of every kind
-- acting for digital inclusion in a territory, their competences and referent. The
-- referent's contact details are published only with their consent (consentement_contact).
create table acteur (
    id                   uuid primary key,
    nom                  text not null,
    siret                text,
    type                 text not null,
    departement          text not null,
    epci                 text,
    competences          text[] not null default '{}',
    referent_nom         text,
    referent_courriel    text,
    referent_telephone   text,
    consentement_contact boolean not null default false,
    cree_le              timestamptz not null,
    cree_par             text not null,
    modifie_le           timestamptz not null,
    modifie_par          text not null
);
create index acteur_departement_idx on acteur (departement);
-- one entry per SIRET: an import finds the actor it already has
create unique index acteur_siret_idx on acteur (siret) where siret is not null;
