-- Layer incidents (signed in, scoped): below z13 the incidents are counted per hexagon of a grid
-- aligned to the projection's origin (the same hexagon has the same count in every tile it
-- crosses); from z13 each incident is a point. Filters: $4 from, $5 to (timestamptz or NULL),
-- $6 category patterns (text[] for LIKE or NULL), $7 statuses (text[] or NULL). The scope placeholder is
-- replaced by scopePredicate() output (bound values only).
-- $1 z, $2 x, $3 y. The last line is replaced by the engine's encoder (tiles/tile-statement.ts).
WITH tile AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS envelope,
         ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS clip,    -- the 64-pixel buffer
         40075016.68557849 / 4096 / power(2, $1::int) AS res             -- metres per pixel
),
hexagons AS (                                                           -- edge: 128 pixels
  SELECT h.geom, (SELECT count(*) FROM incident i
                   WHERE ST_Transform(i.location, 3857) && h.geom
                     AND ST_Contains(h.geom, ST_Transform(i.location, 3857))
                     AND ($4::timestamptz IS NULL OR i.reported_at >= $4::timestamptz)
                     AND ($5::timestamptz IS NULL OR i.reported_at < $5::timestamptz)
                     AND ($6::text[] IS NULL OR i.category_code LIKE ANY ($6::text[]))
                     AND ($7::text[] IS NULL OR i.status = ANY ($7::text[]))
                     AND {{scope}})::int AS n
    FROM tile, ST_HexagonGrid(tile.res * 128, tile.envelope) h
   WHERE $1::int < 13
),
features AS (
  SELECT NULL::bigint AS mvt_id, h.geom, NULL::text AS id, NULL::text AS category, NULL::text AS status,
         NULL::bigint AS reported_at, h.n AS count
    FROM hexagons h
   WHERE h.n > 0
  UNION ALL
  (SELECT NULL::bigint, ST_Transform(i.location, 3857), i.id::text, i.category_code, i.status,
          extract(epoch FROM i.reported_at)::bigint, NULL::int
     FROM incident i, tile
    WHERE $1::int >= 13
      AND ST_Transform(i.location, 3857) && tile.clip
      AND ($4::timestamptz IS NULL OR i.reported_at >= $4::timestamptz)
      AND ($5::timestamptz IS NULL OR i.reported_at < $5::timestamptz)
      AND ($6::text[] IS NULL OR i.category_code LIKE ANY ($6::text[]))
      AND ($7::text[] IS NULL OR i.status = ANY ($7::text[]))
      AND {{scope}}
    ORDER BY i.reported_at DESC, i.id
    LIMIT 10000)                                                        -- points per tile, newest first
)
{{encode}}
