-- Issue 19, ADR 0028: the HSDS 3.0 data package (GET /api/hsds/v3/datapackage.zip) built once per state of the
-- directory and kept in the database, so that every instance serves the same file without rebuilding it (≈ 60 MB
-- for 100 000 lieux, 40 s to build). A package is written whole in one transaction (header and chunks): readers see
-- it complete or not at all. The latest two are kept, so that a download that started on the previous one ends.
create table hsds_paquet (
    id            bigint generated always as identity primary key,
    -- the state of the directory it reflects (JdbcHsdsPackageRepository#readDirectoryState): the last rank of the
    -- changes feed, the number of lieux and the package's format; another state means the directory changed since
    etat_annuaire text not null,
    -- the instant of the directory's last change it holds (Last-Modified, and `created` in datapackage.json)
    annuaire_le  timestamptz not null,
    construit_le timestamptz not null,
    duree_ms     bigint not null,
    lieux        integer not null,
    taille       bigint not null,
    sha256       text not null,
    morceaux     integer not null
);

-- the zip cut into pieces of 1 MB, read one at a time (a bounded memory whatever the package's size)
create table hsds_paquet_morceau (
    paquet_id bigint not null references hsds_paquet (id) on delete cascade,
    numero    integer not null,
    octets    bytea not null,
    primary key (paquet_id, numero)
);
-- a zip does not compress again: stored as it is, out of line
alter table hsds_paquet_morceau alter column octets set storage external;
