-- Page views of each lieu per day (roadmap indicator "nombre de consultations"): a counter only, no cookie,
-- no IP address, no personal data; robots are not counted.
create table lieu_consultation (
    lieu_id  uuid not null references lieu (id) on delete cascade,
    jour     date not null,
    nombre   integer not null,
    primary key (lieu_id, jour)
);
