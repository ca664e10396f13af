-- Fingerprint of a place's content as last imported (every field but its date of update): a re-import that brings
-- the same content leaves the row as it is and is counted as unchanged.
alter table lieu add column empreinte text;

-- What each import did to the directory.
alter table import_run add column nouvelles integer not null default 0,
    add column modifiees integer not null default 0,
    add column inchangees integer not null default 0;
