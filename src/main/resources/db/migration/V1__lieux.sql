-- Lieux de médiation numérique: one row per record received (import source + producer id).
-- Column names follow the national schema v1.0.2 so SQL reads like the standard; list fields are text[]
-- holding the standard's exact labels.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create table lieu (
    id                              uuid primary key,
    import_source                   text not null,
    source_id                       text not null,
    pivot                           text,
    nom                             text not null,
    commune                         text not null,
    code_postal                     text not null,
    code_insee                      text,
    departement                     text not null,
    adresse                         text not null,
    complement_adresse              text,
    latitude                        double precision,
    longitude                       double precision,
    typologie                       text[] not null default '{}',
    telephone                       text,
    courriels                       text[] not null default '{}',
    site_web                        text[] not null default '{}',
    horaires                        text,
    presentation_resume             text,
    presentation_detail             text,
    source                          text,
    itinerance                      text[] not null default '{}',
    structure_parente               text,
    date_maj                        date,
    services                        text[] not null default '{}',
    publics_specifiquement_adresses text[] not null default '{}',
    prise_en_charge_specifique      text[] not null default '{}',
    frais_a_charge                  text[] not null default '{}',
    dispositif_programmes_nationaux text[] not null default '{}',
    formations_labels               text[] not null default '{}',
    autres_formations_labels        text,
    modalites_acces                 text[] not null default '{}',
    modalites_accompagnement        text[] not null default '{}',
    fiche_acces_libre               text,
    prise_rdv                       text,
    -- null: coordinates given by the producer; 'centre-commune': placed at its commune's centre by Maillage
    geocodage                       text,
    -- folded name + commune (accents, case, punctuation removed in Java, see TextFolding.searchKey)
    search_text                     text not null,
    received_at                     timestamptz not null default now(),
    updated_at                      timestamptz not null default now(),
    constraint lieu_origin_unique unique (import_source, source_id),
    constraint lieu_coordinates_paired check ((latitude is null) = (longitude is null))
);

create index lieu_lat_lon_idx on lieu (latitude, longitude) where latitude is not null;
create index lieu_departement_idx on lieu (departement);
create index lieu_code_insee_idx on lieu (code_insee);
create index lieu_code_postal_idx on lieu (code_postal);
create index lieu_services_idx on lieu using gin (services);
create index lieu_search_text_trgm_idx on lieu using gin (search_text gin_trgm_ops);

create table import_run (
    id               uuid primary key,
    import_source    text not null,
    file_name        text,
    file_format      text not null,
    schema_version   text,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    lues             integer not null,
    acceptees        integer not null,
    rejetees         integer not null,
    columns          text[] not null default '{}'
);

create table import_issue (
    import_id   uuid not null references import_run (id) on delete cascade,
    position    integer not null,
    severity    text not null check (severity in ('avertissement', 'rejet')),
    ligne       bigint,
    champ       text,
    valeur      text,
    message     text not null,
    primary key (import_id, severity, position)
);

-- Every rejected row, with its original values, so nothing sent is ever lost (rejets.csv).
create table import_rejected_row (
    import_id   uuid not null references import_run (id) on delete cascade,
    ligne       bigint not null,
    raw_values  jsonb not null,
    reasons     text not null,
    primary key (import_id, ligne)
);
