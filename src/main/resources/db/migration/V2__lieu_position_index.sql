-- "Around a point": a GiST index over PostgreSQL's built-in point type (core PostgreSQL, not PostGIS) finds the
-- places inside the bounding box without scanning a whole latitude band (docs/performance.md, ADR 0003).
drop index lieu_lat_lon_idx;
create index lieu_position_gist_idx on lieu using gist (point(longitude, latitude)) where latitude is not null;
