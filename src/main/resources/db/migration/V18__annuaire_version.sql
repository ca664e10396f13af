-- Issue 2, search around a point: each application instance keeps the points of the published lieux in memory
-- (ADR 0013) and checks on every search that the directory has not changed since it read them. Every
-- publication gives the directory a new token in its own transaction, so the token and the lieux change together.
create table annuaire_version (
    singleton boolean primary key default true check (singleton),
    jeton     uuid    not null
);
insert into annuaire_version (singleton, jeton) values (true, gen_random_uuid());
