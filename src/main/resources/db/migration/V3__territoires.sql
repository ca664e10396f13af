-- Official administrative division (COG 2026, @etalab/decoupage-administratif 6.0.0), loaded at startup from
-- src/main/resources/territories/*.csv by TerritoryReferenceLoader (reloaded only when the files change).
-- Searched in memory (territories.search.TerritorySearchIndex), so no search columns here.
create table region (
    code        text primary key,
    nom         text not null,
    chef_lieu   text,
    population  bigint,
    latitude    double precision,
    longitude   double precision,
    min_lat     double precision,
    min_lon     double precision,
    max_lat     double precision,
    max_lon     double precision
);

-- Départements, plus the two collectivités of département 69 (69D, 69M), whose parent is 69.
create table departement (
    code        text primary key,
    nom         text not null,
    region      text not null,
    chef_lieu   text,
    parent      text,
    population  bigint,
    latitude    double precision,
    longitude   double precision,
    min_lat     double precision,
    min_lon     double precision,
    max_lat     double precision,
    max_lon     double precision
);

create table epci (
    code        text primary key,
    nom         text not null,
    type        text not null,
    population  bigint,
    latitude    double precision,
    longitude   double precision,
    min_lat     double precision,
    min_lon     double precision,
    max_lat     double precision,
    max_lon     double precision
);

-- Communes actuelles, communes déléguées and associées, arrondissements municipaux: the same code can be both a
-- commune actuelle and the commune déléguée that is its chef-lieu, hence the key (code, type).
create table commune (
    code            text not null,
    nom             text not null,
    type            text not null,
    departement     text not null,
    collectivite    text,
    region          text not null,
    epci            text,
    ept             text,
    population      integer,
    codes_postaux   text[] not null default '{}',
    parent          text,
    latitude        double precision,
    longitude       double precision,
    centre_source   text,
    min_lat         double precision,
    min_lon         double precision,
    max_lat         double precision,
    max_lon         double precision,
    primary key (code, type)
);

-- Contours as GeoJSON geometries (IGN GEOFLA 2016, mapped to current codes): level 'departement' (including 69D
-- and 69M, built from their communes) or 'commune'.
create table territory_contour (
    level    text not null,
    code     text not null,
    geojson  text not null,
    primary key (level, code)
);

create table commune_code_postal (
    code_postal  text not null,
    commune      text not null,
    primary key (code_postal, commune)
);

create table commune_ancien_code (
    ancien_code  text not null,
    code         text not null,
    primary key (ancien_code, code)
);

create table territory_dataset (
    id         integer primary key check (id = 1),
    checksum   text not null,
    loaded_at  timestamptz not null
);

create index commune_departement_idx on commune (departement);
create index commune_epci_idx on commune (epci);
create index commune_code_postal_prefix_idx on commune_code_postal (code_postal text_pattern_ops);
