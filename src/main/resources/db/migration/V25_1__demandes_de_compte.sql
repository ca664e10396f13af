-- Issue 16: a professional without an account asks for one; the coordinators of the territory she names decide.
-- Minimal data: her name, work e-mail, structure (name and SIRET), territory. A refused request is deleted after
-- maillage.demandes-compte.conservation-refusees-jours (the daily job); an accepted one stays as the trace of who
-- let whom in (the account holds the same data).
create table demande_compte (
    id              uuid primary key,
    nom             text not null,
    courriel        text not null,
    structure_nom   text not null,
    siret           text not null,
    -- « commune:16015 », « epci:200071827 » or « departement:16 », and its name as shown
    territoire      text not null,
    territoire_nom  text not null,
    -- where it lies, for the coordinators' scopes (accounts.TerritoryScope): its départements (comma-separated),
    -- its collectivité 69D/69M and its EPCI when known
    departements    text not null,
    collectivite    text,
    epci            text,
    statut          text not null check (statut in ('en_attente', 'acceptee', 'refusee')),
    demandee_le     timestamptz not null,
    decidee_le      timestamptz,
    decidee_par     text,
    motif_refus     text,
    structure_id    uuid
);
create index demande_compte_statut_idx on demande_compte (statut, demandee_le);
create index demande_compte_courriel_idx on demande_compte (courriel) where statut = 'en_attente';

-- The throttle of the public form: who (SHA-256 of the client's address, never the address) asked when; kept a day.
create table demande_compte_essai (
    client  text not null,
    moment  timestamptz not null
);
create index demande_compte_essai_idx on demande_compte_essai (client, moment);
