-- Issue 16: a lieu with nobody attached receives a signed link by e-mail (its courriels), valid 8 days, renewable,
-- opening only its orientation. Only the SHA-256 of the random token is stored: the table cannot open anything.
create table orientation_lien (
    id              uuid primary key,
    orientation_id  uuid not null references orientation (id) on delete cascade,
    jeton_sha256    text not null unique,
    -- the lieu's public addresses it was e-mailed to
    envoye_a        text not null,
    cree_le         timestamptz not null,
    cree_par        text not null,
    expire_le       timestamptz not null,
    -- replaced by a renewed link
    revoque_le      timestamptz
);
create index orientation_lien_orientation_idx on orientation_lien (orientation_id, cree_le desc);

-- The reminders sent while an orientation stays « envoyee »: each once (after 3 days, after 7 days).
create table orientation_rappel (
    orientation_id  uuid not null references orientation (id) on delete cascade,
    apres_jours     integer not null check (apres_jours in (3, 7)),
    envoye_le       timestamptz not null,
    primary key (orientation_id, apres_jours)
);

-- An administrator exports a person's data, or erases it on her request.
alter table orientation_acces drop constraint orientation_acces_action_check;
alter table orientation_acces add constraint orientation_acces_action_check
    check (action in ('lecture', 'creation', 'retrait_consentement', 'effacement', 'export'));
alter table orientation drop constraint orientation_effacement_motif_check;
alter table orientation add constraint orientation_effacement_motif_check
    check (effacement_motif in ('conservation', 'retrait', 'demande'));
