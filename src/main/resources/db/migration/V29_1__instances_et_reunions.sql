-- Issue 18, items 4–6: the tables shared by governance, meetings, attendance and the
-- indicators of the exchanges, created together so that each part builds on one schema.
-- A later migration of this module may add columns; it never renames these.

-- A governance body: comité de pilotage, comité technique, plénière, or a
-- sous-gouvernance of an EPCI or of a sector, with its member structures and their role.
create table instance (
    id           uuid primary key,
    nom          text not null,
    type         text not null check (type in ('comite_pilotage', 'comite_technique', 'pleniere',
                                              'sous_gouvernance', 'autre')),
    departement  text not null,
    -- a sous-gouvernance covers an EPCI (its SIREN) or a named sector of the département
    epci         text,
    secteur      text,
    description  text,
    version      integer not null default 0,
    cree_le      timestamptz not null,
    cree_par     text not null,
    modifie_le   timestamptz not null,
    modifie_par  text not null
);
create index instance_departement_idx on instance (departement);

create table instance_membre (
    instance_id  uuid not null references instance (id) on delete cascade,
    acteur_id    uuid not null references acteur (id) on delete cascade,
    role         text not null check (role in ('porteur', 'co_porteur', 'financeur', 'membre')),
    ajoute_le    timestamptz not null,
    ajoute_par   text not null,
    primary key (instance_id, acteur_id)
);
create index instance_membre_acteur_idx on instance_membre (acteur_id);

-- A meeting (« espace d'échanges »): of a body, or open (instance_id null).
create table reunion (
    id                    uuid primary key,
    titre                 text not null,
    instance_id           uuid references instance (id) on delete set null,
    departement           text not null,
    epci                  text,
    commence_le           timestamptz not null,
    finit_le              timestamptz not null check (finit_le > commence_le),
    adresse               text,
    lien_visio            text,
    ordre_du_jour         text,
    -- the annual departmental meeting the roadmap asks for (an indicator)
    rencontre_annuelle    boolean not null default false,
    inscription_publique  boolean not null default false,
    annulee_le            timestamptz,
    compte_rendu          text,
    version               integer not null default 0,
    cree_le               timestamptz not null,
    cree_par              text not null,
    modifie_le            timestamptz not null,
    modifie_par           text not null
);
create index reunion_departement_idx on reunion (departement, commence_le);

-- Who was invited, registered, and present. A person's name and e-mail are encrypted by
-- the shared FieldCipher (context « reunion_participant/<id>/<colonne> »); the structure
-- and its type stay in clear: representativeness is counted from them, and they survive
-- the erasure of the person's fields when the retention period ends.
create table reunion_participant (
    id                 uuid primary key,
    reunion_id         uuid not null references reunion (id) on delete cascade,
    acteur_id          uuid references acteur (id) on delete set null,
    -- the actor type at the time (ActorType code), from the actor or chosen when registering
    type_acteur        text,
    structure_nom      text,
    nom                text,
    courriel           text,
    origine            text not null check (origine in ('invitation', 'inscription', 'sur_place')),
    invite_le          timestamptz,
    inscrit_le         timestamptz,
    -- null: attendance not taken yet
    present            boolean,
    presence_notee_le  timestamptz,
    presence_notee_par text,
    donnees_effacees_le timestamptz
);
create index reunion_participant_reunion_idx on reunion_participant (reunion_id);
create index reunion_participant_acteur_idx on reunion_participant (acteur_id);
