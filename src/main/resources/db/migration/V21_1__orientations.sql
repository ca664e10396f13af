-- Issue 16: orientations of a person from a counter to a mediation lieu, with her consent and a closed loop.
-- The person's fields are encrypted by the application (AES-256-GCM, ADR 0017): a dump of this table names nobody.
-- They are set to null when erased (retention, consent withdrawn); the rest is kept for the territory's counts.
create table orientation (
    id                  uuid primary key,
    -- a published lieu (no foreign key: lieu belongs to the places module and is rebuilt by publication)
    lieu_id             uuid not null,
    orienteur_id        uuid not null references compte (id),
    statut              text not null check (statut in ('envoyee', 'acceptee', 'refusee', 'annulee', 'expiree', 'venue',
                                                         'non_venue', 'accompagnement_termine')),
    prenom_chiffre      text,
    telephone_chiffre   text,
    courriel_chiffre    text,
    besoin_chiffre      text,
    envoyee_le          timestamptz not null,
    statut_le           timestamptz not null,
    donnees_effacees_le timestamptz,
    -- why: « conservation » (retention period over) or « retrait » (consent withdrawn)
    effacement_motif    text check (effacement_motif in ('conservation', 'retrait'))
);
create index orientation_orienteur_idx on orientation (orienteur_id, envoyee_le desc);
create index orientation_lieu_idx on orientation (lieu_id, envoyee_le desc);
create index orientation_statut_idx on orientation (statut, statut_le);

-- The person's consent, a record of its own: what for, what, to whom, how long, how given, by whom, on which notice.
create table orientation_consentement (
    id               uuid primary key,
    orientation_id   uuid not null unique references orientation (id) on delete cascade,
    finalite         text not null,
    donnees          text not null,
    destinataires    text not null,
    duree_mois       integer not null,
    mode             text not null check (mode in ('oral_guichet', 'papier_signe', 'telephone_personne')),
    recueilli_par    text not null,
    recueilli_le     timestamptz not null,
    version_notice   text not null,
    retire_le        timestamptz,
    retire_par       text
);

-- Every change of status: who, when, from, to, why. The message may name the person: encrypted, erased with her data.
create table orientation_transition (
    id               bigserial primary key,
    orientation_id   uuid not null references orientation (id) on delete cascade,
    de               text,
    vers             text not null,
    par_id           uuid,
    par              text not null,
    moment           timestamptz not null,
    motif            text,
    message_chiffre  text
);
create index orientation_transition_idx on orientation_transition (orientation_id, moment);

-- Every read of a person's data, and every change of it: who, when, which orientation.
create table orientation_acces (
    id               bigserial primary key,
    orientation_id   uuid not null references orientation (id) on delete cascade,
    compte_id        uuid,
    par              text not null,
    moment           timestamptz not null,
    action           text not null check (action in ('lecture', 'creation', 'retrait_consentement', 'effacement'))
);
create index orientation_acces_idx on orientation_acces (orientation_id, moment);
