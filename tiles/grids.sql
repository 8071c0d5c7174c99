-- Layer grids: the current basic grids from z10. Below z13 a grid is a shape and its code (the
-- map colours and picks by code); from z13 it carries its name and counts for labels and hover.
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
features AS (
  SELECT g.id AS mvt_id,
         ST_Simplify(g.geom_3857, tile.res, true) AS geom,
         g.code,
         CASE WHEN $1::int >= 13 THEN g.name END AS name,
         CASE WHEN $1::int >= 13 THEN g.village_code END AS village_code,
         CASE WHEN $1::int >= 13 THEN g.households END AS households,
         CASE WHEN $1::int >= 13 THEN g.population END AS population
    FROM grid g, tile
   WHERE g.valid_to IS NULL AND g.kind = 'basic'
     AND g.geom_3857 && tile.clip
     AND $1::int >= 10
     AND greatest(ST_XMax(g.geom_3857) - ST_XMin(g.geom_3857), ST_YMax(g.geom_3857) - ST_YMin(g.geom_3857)) >= tile.res / 2
   ORDER BY g.id
   LIMIT 10000                                                           -- features per tile
)
{{encode}}
