-- Issue 16, items 2 and 3: the repérage, and the territory's figures of orientations.

-- Where each orientation was sent and how far it went, one row per orientation, for the territory's figures: the
-- lieu's département, commune and the commune's EPCI when sent (lieux are republished, merged, removed; the
-- orientation's territory stays), and — kept up to date by the trigger below from every transition — its status, when
-- it was answered, when she came, why it was refused. The indicators of a département with 100 000 orientations read
-- this table alone (no join with the transitions at every count): ≤ 500 ms. Nothing personal here.
create table orientation_territoire (
    orientation_id   uuid primary key references orientation (id) on delete cascade,
    departement      text not null,
    code_insee       text,
    -- SIREN; null when the commune is unknown or belongs to no EPCI
    epci             text,
    envoyee_le       timestamptz not null,
    statut           text not null default 'envoyee',
    repondue_le      timestamptz,
    venue_le         timestamptz,
    motif_refus      text
);
create index orientation_territoire_departement_idx on orientation_territoire (departement, envoyee_le);
create index orientation_territoire_epci_idx on orientation_territoire (epci, envoyee_le);
create index orientation_territoire_commune_idx on orientation_territoire (code_insee, envoyee_le);

-- Every transition moves the figures' row: the status reached, the first answer, the visit, the refusal reason.
create function orientation_territoire_suivre() returns trigger language plpgsql as $$
begin
    update orientation_territoire set
        statut = new.vers,
        repondue_le = case when new.de = 'envoyee' and new.vers in ('acceptee', 'refusee')
                           then coalesce(repondue_le, new.moment) else repondue_le end,
        venue_le = case when new.vers = 'venue' then coalesce(venue_le, new.moment) else venue_le end,
        motif_refus = case when new.vers = 'refusee' then new.motif else motif_refus end
    where orientation_id = new.orientation_id;
    return null;
end $$;
create trigger orientation_territoire_suivre after insert on orientation_transition
    for each row execute function orientation_territoire_suivre();

-- the orientations sent before this migration, from the lieu they were sent to (when it still exists) and their
-- transitions; the communes' EPCI are those of the reference data loaded by the previous start, if any
insert into orientation_territoire (orientation_id, departement, code_insee, epci, envoyee_le, statut, repondue_le,
                                    venue_le, motif_refus)
select o.id, l.departement, l.code_insee,
       (select c.epci from commune c where c.code = l.code_insee and c.type = 'commune-actuelle'), o.envoyee_le, o.statut,
       (select min(t.moment) from orientation_transition t
        where t.orientation_id = o.id and t.de = 'envoyee' and t.vers in ('acceptee', 'refusee')),
       (select min(t.moment) from orientation_transition t where t.orientation_id = o.id and t.vers = 'venue'),
       (select min(t.motif) from orientation_transition t where t.orientation_id = o.id and t.vers = 'refusee')
from orientation o join lieu l on l.id = o.lieu_id;

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
