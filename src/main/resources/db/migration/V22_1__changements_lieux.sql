-- Issue 19, the changes feed (GET /api/v1/lieux/changements, ADR 0015): the last change of every lieu ever published,
-- so that a partner syncs incrementally. One row per lieu: a lieu changed twice since a partner's last read is listed
-- once, with its latest state. `rang` orders the feed and is the partner's cursor.
--
-- Written by triggers on `lieu`, whatever code writes it: PublishedDirectory's full and incremental publications
-- write only the lieux whose content changed (fingerprints), so a row here is a real change. The triggers take the
-- directory's write lock (the advisory lock of JdbcDirectoryLock, which every publication already holds until it
-- commits): ranks are then given in commit order, and a cursor never skips a change committed after it was read.
create sequence lieu_changement_rang;

create table lieu_changement (
    lieu_id      uuid primary key,
    rang         bigint not null,
    -- 'publie': in the directory (created or changed); 'fusionne': merged into survivant_id; 'supprime': removed
    etat         text not null check (etat in ('publie', 'fusionne', 'supprime')),
    survivant_id uuid,
    departement  text,
    -- the rank of its first publication: a reader past it has seen the lieu, one before it has not
    cree_rang    bigint not null,
    -- when the transaction that first published it, and the one that last changed it, started: equal when the lieu
    -- has changed only in the transaction that created it
    cree_le      timestamptz not null,
    change_le    timestamptz not null,
    constraint lieu_changement_survivant check ((etat = 'fusionne') = (survivant_id is not null))
);
create unique index lieu_changement_rang_idx on lieu_changement (rang);
create index lieu_changement_departement_rang_idx on lieu_changement (departement, rang);
create index lieu_changement_change_le_idx on lieu_changement (change_le);

create function lieu_changement_publies() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(x'6d61696c6c616765'::bigint);
    insert into lieu_changement (lieu_id, rang, etat, survivant_id, departement, cree_rang, cree_le, change_le)
    select n.id, n.rang, 'publie', null, n.departement, n.rang, now(), now()
    from (select id, departement, nextval('lieu_changement_rang') as rang from nouveaux) n
    on conflict (lieu_id) do update set rang = excluded.rang, etat = 'publie', survivant_id = null,
        departement = excluded.departement, change_le = excluded.change_le;
    return null;
end
$$;

-- A lieu removed by a publication whose first record now belongs to another lieu was merged into that one
-- (lieu_membre is written before the stale lieux are removed); otherwise its records are gone: removed.
create function lieu_changement_retires() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(x'6d61696c6c616765'::bigint);
    insert into lieu_changement (lieu_id, rang, etat, survivant_id, departement, cree_rang, cree_le, change_le)
    select o.id, o.rang, case when s.id is not null then 'fusionne' else 'supprime' end, s.id, o.departement,
           o.rang, now(), now()
    from (select id, departement, nextval('lieu_changement_rang') as rang from anciens) o
    left join lieu_membre m on m.source_record_id = o.id and m.lieu_id <> o.id
    left join lieu s on s.id = m.lieu_id
    -- a lieu removed and written again in the same statement is still published
    where not exists (select 1 from lieu still where still.id = o.id)
    on conflict (lieu_id) do update set rang = excluded.rang, etat = excluded.etat,
        survivant_id = excluded.survivant_id, departement = excluded.departement, change_le = excluded.change_le;
    return null;
end
$$;

create trigger lieu_changement_insert after insert on lieu referencing new table as nouveaux
    for each statement execute function lieu_changement_publies();
create trigger lieu_changement_update after update on lieu referencing new table as nouveaux
    for each statement execute function lieu_changement_publies();
create trigger lieu_changement_delete after delete on lieu referencing old table as anciens
    for each statement execute function lieu_changement_retires();
