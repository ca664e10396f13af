-- Issue 15 item 8: an incremental publication reads only the records that may pair with the changed ones (same commune,
-- same SIRET, nearby) and the review-queue pairs that involve them, through these indexes instead of whole tables.
create index lieu_source_code_insee_idx on lieu_source (code_insee);
create index lieu_source_sans_code_insee_idx on lieu_source (id) where code_insee is null;
create index lieu_source_pivot_idx on lieu_source (pivot);
create index lieu_source_lat_lon_idx on lieu_source (latitude, longitude) where latitude is not null;
create index doublon_lieu_b_idx on doublon (lieu_b);
