-- Inputs of the Indice de Fragilité Numérique (module fragility, ADR 0008).

-- One import of indicator values or of published scores; its rejected rows are kept with it.
create table fragilite_import (
    id           uuid primary key,
    type         text not null check (type in ('indicateurs', 'scores_publies')),
    fichier      text,
    importe_le   timestamptz not null default now(),
    lues         integer not null,
    acceptees    integer not null,
    rejets       jsonb not null default '[]'
);

-- Indicator values per statistical unit: a commune, or an IRIS (whose commune is its first 5 characters).
create table fragilite_valeur (
    niveau       text not null check (niveau in ('commune', 'iris')),
    code         text not null,
    commune      text not null,
    indicateur   text not null,
    valeur       double precision not null,
    population   bigint,
    import_id    uuid not null references fragilite_import (id),
    primary key (niveau, code, indicateur)
);

-- Scores published by La Mednum (per indicator on the 1-10 scale, and 'total'), per commune or EPCI.
create table fragilite_score_publie (
    division     text not null check (division in ('commune', 'epci')),
    code         text not null,
    nom          text,
    indicateur   text not null,
    score        double precision not null,
    import_id    uuid not null references fragilite_import (id),
    primary key (division, code, indicateur)
);
