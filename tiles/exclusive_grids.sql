-- Layer exclusive_grids: the current exclusive grids (school, hospital, market …) from z11, drawn
-- over the basic grids; their type colours them, their name labels them from z13.
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
features AS (
  SELECT g.id AS mvt_id,
         ST_Simplify(g.geom_3857, tile.res, true) AS geom,
         g.code, g.exclusive_type,
         CASE WHEN $1::int >= 13 THEN g.name END AS name
    FROM grid g, tile
   WHERE g.valid_to IS NULL AND g.kind = 'exclusive'
     AND g.geom_3857 && tile.clip
     AND $1::int >= 11
     AND greatest(ST_XMax(g.geom_3857) - ST_XMin(g.geom_3857), ST_YMax(g.geom_3857) - ST_YMin(g.geom_3857)) >= tile.res / 2
   ORDER BY g.id
   LIMIT 5000                                                            -- features per tile
)
{{encode}}
