-- Issue 18, item 5 (attendance, minutes, follow-up) and item 6 (indicators of the
-- exchanges), on the schema of V29_1: nothing renamed, nothing dropped.

-- Each display of a meeting's participants to a coordinator (their names decrypted),
-- each sign-in sheet printed, each erasure at the end of the retention period: who,
-- when, how many persons. One row per display, not per person.
create table reunion_acces (
    id          bigserial primary key,
    reunion_id  uuid not null references reunion (id) on delete cascade,
    compte_id   uuid,
    par         text not null,
    moment      timestamptz not null,
    action      text not null check (action in ('lecture', 'emargement', 'effacement')),
    personnes   integer not null
);
create index reunion_acces_idx on reunion_acces (reunion_id, moment);

-- The minutes' files (PDF, ODT, DOCX, images), in the database: the application keeps
-- nothing on disk, several instances serve the same files. The type is the one read
-- from the file's first bytes, never the one the browser claimed.
create table reunion_fichier (
    id           uuid primary key,
    reunion_id   uuid not null references reunion (id) on delete cascade,
    nom          text not null,
    type_contenu text not null,
    taille       integer not null,
    contenu      bytea not null,
    public       boolean not null default false,
    ajoute_le    timestamptz not null,
    ajoute_par   text not null
);
create index reunion_fichier_reunion_idx on reunion_fichier (reunion_id);

-- Follow-up actions decided in a meeting: an owner (an actor of the directory, or a
-- name typed), a due date, a status (ActionStatus: a_faire → en_cours → faite | abandonnee).
create table reunion_action (
    id                    uuid primary key,
    reunion_id            uuid not null references reunion (id) on delete cascade,
    intitule              text not null,
    responsable_acteur_id uuid references acteur (id) on delete set null,
    responsable_nom       text,
    echeance              date,
    statut                text not null default 'a_faire'
                          check (statut in ('a_faire', 'en_cours', 'faite', 'abandonnee')),
    version               integer not null default 0,
    cree_le               timestamptz not null,
    cree_par              text not null,
    modifie_le            timestamptz not null,
    modifie_par           text not null
);
create index reunion_action_reunion_idx on reunion_action (reunion_id);

-- The indicators read the present participants of a territory's meetings.
create index reunion_participant_present_idx on reunion_participant (reunion_id) where present;
-- The retention job finds the meetings whose participants are still named.
create index reunion_participant_a_effacer_idx on reunion_participant (reunion_id)
    where donnees_effacees_le is null;
