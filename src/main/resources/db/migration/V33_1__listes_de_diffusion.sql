-- Issue 18, item 7: the coordination's mailing. A list is a saved set of criteria (territory, actor types,
-- competences): its recipients are the actors matching it on the day an announcement is sent, whose referent has an
-- e-mail and a consent « invitations » in force (ADR 0027). An announcement is kept (subject, text, list, date,
-- counts); its queue holds one row per distinct address, the address encrypted (FieldCipher, bound to the row) and
-- erased once sent or given up. The unsubscribe link's token is stored hashed, never the address nor the actor in
-- the URL.
create table liste_diffusion (
    id           uuid primary key,
    nom          text not null,
    departement  text not null,
    epci         text,
    types        text[] not null default '{}',
    competences  text[] not null default '{}',
    version      integer not null default 0,
    cree_le      timestamptz not null,
    cree_par     text not null,
    modifie_le   timestamptz not null,
    modifie_par  text not null
);
create index liste_diffusion_departement_idx on liste_diffusion (departement);

create table annonce (
    id            uuid primary key,
    liste_id      uuid not null references liste_diffusion (id) on delete cascade,
    -- the list's name and territory when sent: the history says what was sent to whom, even once the list changed
    liste_nom     text not null,
    departement   text not null,
    epci          text,
    objet         text not null,
    texte         text not null,
    envoyee_le    timestamptz not null,
    envoyee_par   text not null,
    destinataires integer not null
);
create index annonce_liste_idx on annonce (liste_id, envoyee_le desc);

create table annonce_envoi (
    id               uuid primary key,
    annonce_id       uuid not null references annonce (id) on delete cascade,
    -- the actors whose referent has this address (one message per person)
    acteurs          uuid[] not null,
    -- encrypted; null once sent, given up or cancelled
    courriel         text,
    statut           text not null check (statut in ('en_attente', 'en_cours', 'envoye', 'echec', 'annule')),
    essais           integer not null default 0,
    prochain_essai   timestamptz not null,
    dernier_essai_le timestamptz,
    envoye_le        timestamptz,
    -- the kind of the last failure (never its text: it may hold the address)
    derniere_erreur  text,
    -- SHA-256 of the unsubscribe link's token (the token itself only in the message)
    jeton_hash       text unique,
    desinscrit_le    timestamptz
);
create index annonce_envoi_annonce_idx on annonce_envoi (annonce_id, statut);
create index annonce_envoi_a_envoyer_idx on annonce_envoi (prochain_essai) where statut in ('en_attente', 'en_cours');
-- the throttle counts the attempts of the last minute
create index annonce_envoi_essai_idx on annonce_envoi (dernier_essai_le);

-- reading the referents' addresses to queue an announcement is logged with the other reads
alter table acteur_acces drop constraint acteur_acces_action_check;
alter table acteur_acces add constraint acteur_acces_action_check check (action in ('lecture', 'export', 'diffusion'));
