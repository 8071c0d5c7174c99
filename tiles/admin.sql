-- Layer admin: counties at every zoom, towns from z9, villages from z12 (the level decides the
-- style's line weight and label size). Boundaries are clipped to the tile with its buffer before
-- they are simplified to the tile's pixel: a district outline has thousands of vertices and a tile
-- at z15 touches a few of them.
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
features AS (
  SELECT a.code::bigint AS mvt_id,
         ST_Simplify(ST_ClipByBox2D(a.geom_3857, tile.clip), tile.res, true) AS geom,
         a.code, a.name, a.level
    FROM admin_unit a, tile
   WHERE a.geom_3857 && tile.clip
     AND (a.level = 'county' OR (a.level = 'town' AND $1::int >= 9) OR (a.level = 'village' AND $1::int >= 12))
     AND greatest(ST_XMax(a.geom_3857) - ST_XMin(a.geom_3857), ST_YMax(a.geom_3857) - ST_YMin(a.geom_3857)) >= tile.res / 2
   ORDER BY a.code
   LIMIT 5000                                                            -- features per tile
)
{{encode}}
