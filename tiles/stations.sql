-- Layer stations: police station jurisdictions (派出所辖区) from z8, clipped to the tile's buffer
-- before simplification like the admin boundaries.
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
features AS (
  SELECT s.id AS mvt_id,
         ST_Simplify(ST_ClipByBox2D(s.geom_3857, tile.clip), tile.res, true) AS geom,
         s.code, s.name, s.county_code
    FROM station s, tile
   WHERE s.geom_3857 && tile.clip
     AND $1::int >= 8
     AND greatest(ST_XMax(s.geom_3857) - ST_XMin(s.geom_3857), ST_YMax(s.geom_3857) - ST_YMin(s.geom_3857)) >= tile.res / 2
   ORDER BY s.id
   LIMIT 2000                                                            -- features per tile
)
{{encode}}
