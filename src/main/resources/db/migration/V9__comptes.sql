-- Issue 6: accounts, their territories, one-time links (invitation, password reset), failed logins (throttling,
-- shared by every instance), and the outbox of e-mails when no SMTP server is configured.
create table compte (
    id            uuid primary key,
    courriel      text not null,
    nom           text not null,
    role          text not null check (role in ('administrateur', 'coordinateur', 'membre')),
    -- hash with its algorithm prefix ({bcrypt}…); null until the invitation is accepted
    mot_de_passe  text,
    actif         boolean not null default true,
    cree_le       timestamptz not null,
    cree_par      text,
    constraint compte_courriel_unique unique (courriel),
    constraint compte_courriel_minuscules check (courriel = lower(courriel))
);

create table compte_territoire (
    compte_id  uuid not null references compte (id) on delete cascade,
    -- a coordinator's départements and EPCI; a member's structure
    niveau     text not null check (niveau in ('departement', 'epci', 'structure')),
    code       text not null,
    primary key (compte_id, niveau, code)
);

create table lien_unique (
    -- SHA-256 of the token sent by e-mail: a leaked table gives no usable link
    jeton_hash  text primary key,
    compte_id   uuid not null references compte (id) on delete cascade,
    usage       text not null check (usage in ('invitation', 'reinitialisation', 'desinscription')),
    expire_le   timestamptz not null,
    utilise_le  timestamptz
);

create table connexion_echec (
    courriel  text not null,
    moment    timestamptz not null
);
create index connexion_echec_idx on connexion_echec (courriel, moment);

create table courriel_sortant (
    id            uuid primary key,
    destinataire  text not null,
    sujet         text not null,
    corps         text not null,
    cree_le       timestamptz not null
);

-- Spring Session JDBC (sessions shared by every instance), PostgreSQL form of its reference schema.
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  int not null,
    expiry_time            bigint not null,
    principal_name         varchar(320),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
