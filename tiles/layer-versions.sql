-- The data version of each table the tiles read (migrations/0010_tile_geometry_and_layer_versions.sql):
-- the sum of its shards, which every committed change increases.
SELECT source, sum(version)::bigint AS version FROM layer_version GROUP BY source
