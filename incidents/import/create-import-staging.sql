-- The tables one import works in: the rows as checked in JavaScript (n: position in the file),
-- the assignment and the routing of each. Temporary, so they are private to the import's
-- connection and dropped at commit or rollback.
CREATE TEMP TABLE import_staging (
  n           integer NOT NULL,
  line        integer NOT NULL,
  id          uuid NOT NULL,
  category    text NOT NULL,
  description text NOT NULL,
  address     text,
  source      text NOT NULL,
  status      text NOT NULL,
  reported_at timestamptz NOT NULL,
  closed_at   timestamptz,
  raw_lon     float8 NOT NULL,        -- as in the file, in the declared CRS
  raw_lat     float8 NOT NULL,
  lon         float8 NOT NULL,        -- WGS-84
  lat         float8 NOT NULL
) ON COMMIT DROP;

CREATE TEMP TABLE import_routed (
  n               integer NOT NULL,
  handling_level  text NOT NULL,
  department_code text NOT NULL,
  assignee_kind   text,
  assignee        text,
  due_at          timestamptz NOT NULL
) ON COMMIT DROP;
