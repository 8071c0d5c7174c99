-- Layer units (signed in, scoped): patrol units at their last position from z8, with the status
-- the map colours them by. The scope placeholder is replaced by scopePredicate() (UNIT_SCOPE in tile-layers.ts).
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
features AS (
  SELECT u.id::bigint AS mvt_id, ST_Transform(u.position, 3857) AS geom,
         u.code, u.name, u.kind, u.status, s.code AS station_code,
         extract(epoch FROM u.position_at)::bigint AS position_at
    FROM unit u LEFT JOIN station s ON s.id = u.station_id CROSS JOIN tile
   WHERE u.position IS NOT NULL
     AND ST_Transform(u.position, 3857) && tile.clip
     AND $1::int >= 8
     AND {{scope}}
   ORDER BY u.id
   LIMIT 2000                                                            -- features per tile
)
{{encode}}
