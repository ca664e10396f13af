-- Issue 14: requests for a password reset link, counted per address and per client (IP) so that nobody floods a
-- mailbox or the mail server; counted whether or not the address has an account, so the limit tells nothing.
create table demande_reinitialisation (
    courriel  text not null,
    client    text not null,
    moment    timestamptz not null
);
create index demande_reinitialisation_courriel_idx on demande_reinitialisation (courriel, moment);
create index demande_reinitialisation_client_idx on demande_reinitialisation (client, moment);

-- a newer reset link revokes the older ones of the account
alter table lien_unique add column revoque_le timestamptz;
