-- Issue 18, referents' personal data: a consent is a dated record (what for, when, who
-- recorded it; withdrawable, its record kept), no longer a boolean of the entry; every read
-- of referents' contact details by a coordinator is logged. The referents' fields become
-- encrypted (V27_2, a Java migration: the key is not in the database).
create table acteur_consentement (
    id              uuid primary key,
    acteur_id       uuid not null references acteur (id) on delete cascade,
    objet           text not null check (objet in ('publication', 'invitations')),
    donne_le        timestamptz not null,
    enregistre_par  text not null,
    retire_le       timestamptz,
    retire_par      text,
    motif_retrait   text
);
-- one consent in force per referent and purpose
create unique index acteur_consentement_actif_idx on acteur_consentement (acteur_id, objet) where retire_le is null;

-- nothing lost: the consents recorded as a boolean become records, dated and signed by
-- the last change of their entry (the only date and author known)
insert into acteur_consentement (id, acteur_id, objet, donne_le, enregistre_par)
select gen_random_uuid(), id, 'publication', modifie_le, modifie_par
from acteur where consentement_contact and referent_nom is not null;

alter table acteur drop column consentement_contact;

create table acteur_acces (
    id          bigserial primary key,
    acteur_id   uuid not null references acteur (id) on delete cascade,
    compte_id   uuid,
    par         text not null,
    moment      timestamptz not null,
    action      text not null check (action in ('lecture', 'export'))
);
create index acteur_acces_idx on acteur_acces (acteur_id, moment);

-- Issue 18, actors ↔ lieux: a structure created from (or found by) the lieux directory is
-- linked to its lieux — by the SIRET of their pivot, or their structure_parente. The lieu
-- is named by its published id only: the places module's tables are its own.
create table acteur_lieu (
    acteur_id   uuid not null references acteur (id) on delete cascade,
    lieu_id     text not null,
    origine     text not null check (origine in ('pivot', 'structure_parente')),
    lie_le      timestamptz not null,
    primary key (acteur_id, lieu_id)
);
create index acteur_lieu_lieu_idx on acteur_lieu (lieu_id);
