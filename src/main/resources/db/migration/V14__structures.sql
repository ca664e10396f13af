-- Issue 6: structures (the organisations that run lieux); a lieu belongs to at most one, its members edit it.
create table structure (
    id        uuid primary key,
    nom       text not null,
    cree_le   timestamptz not null,
    cree_par  text not null
);

create table structure_lieu (
    lieu_id       uuid primary key,
    structure_id  uuid not null references structure (id) on delete cascade,
    rattache_le   timestamptz not null,
    rattache_par  text not null
);
create index structure_lieu_structure_idx on structure_lieu (structure_id);
