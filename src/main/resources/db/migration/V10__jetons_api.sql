-- Issue 6: personal API tokens for scripts (imports), revocable; only their SHA-256 is stored.
create table jeton_api (
    id            uuid primary key,
    compte_id     uuid not null references compte (id) on delete cascade,
    nom           text not null,
    jeton_hash    text not null unique,
    cree_le       timestamptz not null,
    utilise_le    timestamptz,
    revoque_le    timestamptz
);
create index jeton_api_compte_idx on jeton_api (compte_id);
