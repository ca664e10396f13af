-- Issue 18, items 2 and 3: the resources of a territory and its charter of commitment.
-- Governance bodies use the tables instance and instance_membre of V29_1 as they are.

-- A charter is a text per département (or 69D, 69M), published in numbered versions:
-- a new version never replaces an earlier one, whose signatures keep referring to it.
create table charte_version (
    id           uuid primary key,
    departement  text not null,
    numero       integer not null check (numero > 0),
    titre        text not null,
    texte        text not null,
    publiee_le   date not null,
    cree_le      timestamptz not null,
    cree_par     text not null,
    unique (departement, numero)
);

-- A structure's signature of one version. The signatory's name is a person's: encrypted
-- by the shared FieldCipher (context « charte_signature/<id>/signataire_nom »), shown to
-- the coordination only; the public sees the structure, the version and the date.
create table charte_signature (
    id                   uuid primary key,
    version_id           uuid not null references charte_version (id),
    acteur_id            uuid not null references acteur (id) on delete cascade,
    signataire_nom       text not null,
    signataire_fonction  text,
    signee_le            date not null,
    mode                 text not null check (mode in ('en_ligne', 'papier')),
    enregistree_le       timestamptz not null,
    enregistree_par      text not null,
    unique (version_id, acteur_id)
);
create index charte_signature_acteur_idx on charte_signature (acteur_id);

-- Each time a coordinator's page showed the signatories' names.
create table charte_lecture (
    id           bigserial primary key,
    departement  text not null,
    compte_id    uuid,
    par          text not null,
    moment       timestamptz not null
);

-- A resource of a territory: a training offer, a call for projects, a lending stock of
-- tablets, people to lend a hand… held by a structure of the actors directory.
create table ressource (
    id           uuid primary key,
    titre        text not null,
    type         text not null check (type in ('formative', 'financiere', 'humaine', 'materielle')),
    acteur_id    uuid not null references acteur (id) on delete cascade,
    departement  text not null,
    epci         text,
    commune      text,
    du           date,
    au           date,
    lien         text,
    description  text,
    version      integer not null default 0,
    cree_le      timestamptz not null,
    cree_par     text not null,
    modifie_le   timestamptz not null,
    modifie_par  text not null,
    check (du is null or au is null or au >= du)
);
create index ressource_departement_idx on ressource (departement);
create index ressource_acteur_idx on ressource (acteur_id);
