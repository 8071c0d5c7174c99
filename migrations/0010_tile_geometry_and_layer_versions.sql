-- Vector tiles (tiles/): a Web Mercator (EPSG:3857) copy of the polygons the tiles read, kept by
-- PostgreSQL itself, so the tile queries filter with `geom_3857 && envelope` on a GiST index and
-- never transform a boundary per request. Points are cheap to transform: incidents and units get an
-- index on the transform instead of a column, which leaves their tables untouched.
ALTER TABLE admin_unit ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
  GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
ALTER TABLE grid ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
  GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
ALTER TABLE station ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
  GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;

CREATE INDEX admin_unit_geom_3857_idx ON admin_unit USING gist (geom_3857);
CREATE INDEX grid_current_geom_3857_idx ON grid USING gist (geom_3857) WHERE valid_to IS NULL;
CREATE INDEX station_geom_3857_idx ON station USING gist (geom_3857);
CREATE INDEX incident_location_3857_idx ON incident USING gist (ST_Transform(location, 3857));
CREATE INDEX unit_position_3857_idx ON unit USING gist (ST_Transform(position, 3857)) WHERE position IS NOT NULL;

-- Data versions of the tile layers. A tile cache entry is keyed by the version its rows were read
-- at; every statement that changes a source table adds one, so the next request misses the cache.
-- Several rows (shards) per table: concurrent writers (incident intake on many connections) update
-- different rows instead of queueing on one row lock until they commit. The version of a table is
-- the sum of its shards, which every commit increases.
CREATE TABLE layer_version (
  source  text NOT NULL,     -- the table: admin_unit, grid, station, incident, unit
  shard   smallint NOT NULL, -- backend pid modulo the shard count
  version bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (source, shard)
);
INSERT INTO layer_version (source, shard)
  SELECT s, n FROM unnest(ARRAY['admin_unit', 'grid', 'station', 'incident', 'unit']) s, generate_series(0, 15) n;

CREATE FUNCTION layer_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layer_version SET version = version + 1
   WHERE source = TG_TABLE_NAME AND shard = pg_backend_pid() % 16;
  RETURN NULL;
END
$$;

-- Statement level: a bulk load of 50,000 rows adds one, not 50,000.
CREATE TRIGGER admin_unit_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit
  FOR EACH STATEMENT EXECUTE FUNCTION layer_version_bump();
CREATE TRIGGER grid_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grid
  FOR EACH STATEMENT EXECUTE FUNCTION layer_version_bump();
CREATE TRIGGER station_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON station
  FOR EACH STATEMENT EXECUTE FUNCTION layer_version_bump();
CREATE TRIGGER incident_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON incident
  FOR EACH STATEMENT EXECUTE FUNCTION layer_version_bump();
CREATE TRIGGER unit_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
  FOR EACH STATEMENT EXECUTE FUNCTION layer_version_bump();
