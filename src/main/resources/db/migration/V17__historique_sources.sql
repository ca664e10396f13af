-- Issue 6: what each import changed in a source record (before, after), for the lieu's history.
create table lieu_source_historique (
    source_record_id  uuid not null,
    import_source     text not null,
    remplace_le       timestamptz not null,
    avant             jsonb not null,
    apres             jsonb not null
);
create index lieu_source_historique_idx on lieu_source_historique (source_record_id, remplace_le);
