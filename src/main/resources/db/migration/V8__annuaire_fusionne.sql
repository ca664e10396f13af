-- Issue 5: the published directory is the merge of every source.
-- lieu_source keeps each record as its source gave it (what table lieu held until now); lieu becomes the
-- published directory, rebuilt from lieu_source after every import or decision, in the same transaction.
create table lieu_source (like lieu including defaults including constraints);
alter table lieu_source add primary key (id);
alter table lieu_source add constraint lieu_source_origin_unique unique (import_source, source_id);
insert into lieu_source select * from lieu;

-- Which source records each published lieu merges. A published lieu takes the id of its earliest received
-- record, so a lieu that gains records keeps its id, and an id that disappears in a merge still resolves here.
create table lieu_membre (
    source_record_id uuid primary key references lieu_source (id) on delete cascade,
    lieu_id          uuid not null
);
create index lieu_membre_lieu_idx on lieu_membre (lieu_id);
insert into lieu_membre (source_record_id, lieu_id) select id, id from lieu;

-- Pairs of source records that may be the same place, and people's decisions about them (reapplied on every run).
create table doublon (
    id          uuid primary key,
    lieu_a      uuid not null,
    lieu_b      uuid not null,
    score       integer not null,
    statut      text not null check (statut in ('a_examiner', 'fusionner', 'distincts')),
    auteur      text,
    decide_le   timestamptz,
    detecte_le  timestamptz not null default now(),
    constraint doublon_paire_unique unique (lieu_a, lieu_b),
    constraint doublon_paire_ordonnee check (lieu_a::text < lieu_b::text)
);
create index doublon_statut_idx on doublon (statut);

-- Runs of a source connector, visible while they run (progress) and after (report or reason of failure).
create table source_execution (
    id          uuid primary key,
    source      text not null,
    statut      text not null check (statut in ('en_cours', 'terminee', 'echouee')),
    declenchement text not null check (declenchement in ('manuel', 'planifie')),
    debut       timestamptz not null,
    fin         timestamptz,
    etape       text,
    lues        integer not null default 0,
    import_id   uuid,
    message     text
);
create index source_execution_source_idx on source_execution (source, debut desc);
