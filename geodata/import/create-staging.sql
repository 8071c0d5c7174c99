-- The file's rows, staged for the SQL checks and the writes. Gone when the transaction ends,
-- committed or rolled back, so a dry run or a rejected file leaves nothing behind.
CREATE TEMP TABLE import_row (
  feature        integer NOT NULL,    -- 0-based position in the file
  code           text NOT NULL,
  name           text NOT NULL,
  parent_code    text,                -- admin: parent unit; grids: village; stations: county
  parent_level   text,                -- the level parent_code must have
  level          text,
  kind           text,
  exclusive_type text,
  households     integer NOT NULL,
  population     integer NOT NULL,
  address        text,
  geom           geometry(MultiPolygon, 4326) NOT NULL
) ON COMMIT DROP
