-- Issue 16, items 2 and 3: the repérage, and the territory's figures of orientations.

-- Where each orientation was sent, as it was when sent: the lieu's département and commune. The indicators of a
-- territory read this table, not the directory (lieux are republished, merged, removed; the orientation's territory
-- stays). The EPCI is not stored: it is read from the commune through the territories module, so a change of EPCI
-- boundaries applies to past figures too.
create table orientation_territoire (
    orientation_id   uuid primary key references orientation (id) on delete cascade,
    departement      text not null,
    code_insee       text,
    envoyee_le       timestamptz not null
);
create index orientation_territoire_departement_idx on orientation_territoire (departement, envoyee_le);
create index orientation_territoire_commune_idx on orientation_territoire (code_insee, envoyee_le);

-- the orientations sent before this migration, from the lieu they were sent to (when it still exists)
insert into orientation_territoire (orientation_id, departement, code_insee, envoyee_le)
select o.id, l.departement, l.code_insee, o.envoyee_le from orientation o join lieu l on l.id = o.lieu_id;

-- The repérage's answers kept inside an orientation, only when it was sent with the person's consent. Encrypted like
-- her other fields (AES-256-GCM, ADR 0017): they may tell a disability (health data, RGPD art. 9) or a language.
-- Deleted with her data (retention, withdrawal).
create table orientation_reperage (
    orientation_id   uuid primary key references orientation (id) on delete cascade,
    reponses_chiffre text not null
);

-- Anonymous counts of repérages: per month, département, commune's EPCI (or '' when unknown), question and answer
-- code, how many times it was answered. One upsert per answer: no row per person, nothing links two answers of the
-- same person, no date finer than the month.
create table reperage_compte (
    mois             date not null,
    departement      text not null,
    epci             text not null default '',
    question         text not null,
    reponse          text not null,
    nombre           integer not null,
    primary key (mois, departement, epci, question, reponse)
);
