-- The data model of DESIGN.md. Geometry is stored in EPSG:4326 (WGS-84); every geometry column
-- carries a GiST index. Codes follow Chinese administrative practice: 12-digit statistical codes
-- for admin units (320612001001 = village 001 of town 001 of county 320612), grid codes extend
-- their village's code.

-- city → county → town → village/community
CREATE TABLE admin_unit (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
  parent_code text REFERENCES admin_unit (code),
  level       text NOT NULL CHECK (level IN ('city', 'county', 'town', 'village')),
  name        text NOT NULL,
  kind        text,                                  -- 市辖区/县级市/县/街道/镇/乡/社区/村
  synthetic   boolean NOT NULL DEFAULT false,        -- true where the boundary was generated
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  CHECK ((level = 'city') = (parent_code IS NULL))
);
CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_code);
CREATE INDEX admin_unit_level_idx ON admin_unit (level);
CREATE INDEX admin_unit_geom_idx ON admin_unit USING gist (geom);

-- Basic grids tile their village; exclusive grids overlay them. Every edit closes the current row
-- (valid_to) and inserts the next version, so history can be read as of any date.
CREATE TABLE grid (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- one row per version
  code           text NOT NULL,
  version        integer NOT NULL CHECK (version >= 1),
  valid_from     timestamptz NOT NULL DEFAULT now(),
  valid_to       timestamptz,                      -- NULL: the current version
  kind           text NOT NULL CHECK (kind IN ('basic', 'exclusive')),
  exclusive_type text CHECK (exclusive_type IN ('school', 'hospital', 'market', 'industrial_park',
                   'enterprise', 'scenic_area', 'construction_site', 'transport_hub', 'government',
                   'residential_estate')),
  name           text NOT NULL,
  village_code   text NOT NULL REFERENCES admin_unit (code),     -- parent village/community
  county_code    text NOT NULL REFERENCES admin_unit (code),
  households     integer NOT NULL DEFAULT 0 CHECK (households >= 0),
  population     integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  synthetic      boolean NOT NULL DEFAULT false,
  edited_by      bigint,                           -- app_user.id of the editor, NULL for imports
  geom           geometry(MultiPolygon, 4326) NOT NULL,
  UNIQUE (code, version),
  CHECK ((kind = 'exclusive') = (exclusive_type IS NOT NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX grid_current_code_idx ON grid (code) WHERE valid_to IS NULL;
CREATE INDEX grid_village_idx ON grid (village_code) WHERE valid_to IS NULL;
CREATE INDEX grid_current_geom_idx ON grid USING gist (geom) WHERE valid_to IS NULL;
CREATE INDEX grid_geom_idx ON grid USING gist (geom);

-- Police stations (派出所) and their jurisdictions.
CREATE TABLE station (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  county_code   text NOT NULL REFERENCES admin_unit (code),
  address       text,
  address_point geometry(Point, 4326),
  phone         text,
  synthetic     boolean NOT NULL DEFAULT false,
  geom          geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX station_geom_idx ON station USING gist (geom);

-- The 13 handling departments and the event taxonomy (major → minor classes).
CREATE TABLE department (
  code    text PRIMARY KEY,
  name    text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE category_class (
  code    text PRIMARY KEY,
  name    text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE category (
  code                  text PRIMARY KEY,
  class_code            text NOT NULL REFERENCES category_class (code),
  name                  text NOT NULL,
  name_en               text NOT NULL,
  department_code       text NOT NULL REFERENCES department (code),
  police_relevant       boolean NOT NULL DEFAULT false,
  self_resolvable       boolean NOT NULL DEFAULT false,   -- 自处置: the village may settle it
  exclusive_types       text[] NOT NULL DEFAULT '{}',    -- exclusive grids responsible for it
  priority              smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),  -- 1 = most urgent
  time_limit            numeric NOT NULL CHECK (time_limit > 0),
  time_limit_unit       text NOT NULL CHECK (time_limit_unit IN ('natural_hours', 'working_hours', 'working_days')),
  duplicate_radius_m    integer NOT NULL DEFAULT 100,
  duplicate_window_h    integer NOT NULL DEFAULT 72
);

-- Sign-in accounts. A user has one role and one jurisdiction (scope).
CREATE TABLE app_user (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'city_center', 'county_center', 'town_center',
                  'village_center', 'department', 'station', 'grid_office', 'grid_worker')),
  scope_kind    text NOT NULL CHECK (scope_kind IN ('all', 'admin_unit', 'station', 'department', 'grids')),
  scope_codes   text[] NOT NULL DEFAULT '{}',
  demo          boolean NOT NULL DEFAULT false,   -- made by the demo seed
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_kind = 'all') = (cardinality(scope_codes) = 0))
);

-- People who work the grids (the 1 + 1 + 1 + N team) and their terminals.
CREATE TABLE staff (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('grid_head', 'grid_worker_fulltime', 'grid_worker_parttime',
                 'village_admin', 'community_officer')),
  grid_code    text,                              -- basic grid for heads and workers
  village_code text NOT NULL REFERENCES admin_unit (code),
  station_id   integer REFERENCES station (id),   -- community officers
  phone        text,
  synthetic    boolean NOT NULL DEFAULT false
);
CREATE INDEX staff_grid_idx ON staff (grid_code);
CREATE INDEX staff_village_idx ON staff (village_code);

CREATE TABLE terminal (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  serial    text NOT NULL UNIQUE,
  staff_id  bigint REFERENCES staff (id),
  synthetic boolean NOT NULL DEFAULT false
);

-- Events. The client makes the UUID (the idempotency key); the raw request is kept as received.
CREATE TABLE incident (
  id                   uuid PRIMARY KEY,
  source               text NOT NULL CHECK (source IN ('terminal', 'hotline', '110', 'video', 'inspection')),
  category_code        text NOT NULL REFERENCES category (code),
  description          text NOT NULL DEFAULT '',
  address              text,
  location             geometry(Point, 4326) NOT NULL,
  raw                  jsonb,                          -- the request as received
  raw_crs              text CHECK (raw_crs IN ('WGS84', 'GCJ02', 'BD09', 'CGCS2000')),
  payload_hash         text,                           -- for idempotent retries
  reported_at          timestamptz NOT NULL,
  received_at          timestamptz NOT NULL DEFAULT now(),
  reporter_id          bigint REFERENCES app_user (id),
  -- assignment by point-in-polygon
  grid_id              bigint REFERENCES grid (id),    -- the grid version used
  grid_code            text,
  exclusive_grid_codes text[] NOT NULL DEFAULT '{}',
  station_id           integer REFERENCES station (id),
  village_code         text REFERENCES admin_unit (code),
  town_code            text REFERENCES admin_unit (code),
  county_code          text REFERENCES admin_unit (code),
  assign_method        text CHECK (assign_method IN ('inside', 'edge', 'nearest', 'outside')),
  -- the loop
  status               text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'accepted', 'rejected',
                         'merged', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated',
                         'shelved')),
  handling_level       text CHECK (handling_level IN ('village', 'town', 'county', 'city')),
  department_code      text REFERENCES department (code),
  assignee             text,
  merged_into          uuid REFERENCES incident (id),
  due_at               timestamptz,
  closed_at            timestamptz,
  satisfaction         smallint CHECK (satisfaction BETWEEN 1 AND 5),
  self_resolved        boolean NOT NULL DEFAULT false,
  synthetic            boolean NOT NULL DEFAULT false
);
CREATE INDEX incident_location_idx ON incident USING gist (location);
CREATE INDEX incident_reported_at_idx ON incident (reported_at);
CREATE INDEX incident_status_idx ON incident (status);
CREATE INDEX incident_village_idx ON incident (village_code);
CREATE INDEX incident_station_idx ON incident (station_id);
CREATE INDEX incident_department_idx ON incident (department_code);
CREATE INDEX incident_grid_idx ON incident (grid_code);

-- Append-only audit of every step; each row is chained to the one before by its hash.
CREATE TABLE incident_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incident (id),
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    bigint REFERENCES app_user (id),
  actor_role  text,
  action      text NOT NULL,
  from_status text,
  to_status   text,
  note        text,
  data        jsonb,
  prev_hash   text,
  hash        text
);
CREATE INDEX incident_event_incident_idx ON incident_event (incident_id, id);

CREATE FUNCTION incident_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incident_event is append-only: % is not allowed', TG_OP;
END
$$;
-- Statement-level, so that even a change touching no row (or TRUNCATE) is refused.
CREATE TRIGGER incident_event_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON incident_event
  FOR EACH STATEMENT EXECUTE FUNCTION incident_event_refuse_change();

-- Patrol units and their position track (AVL).
CREATE TABLE unit (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('car', 'motorcycle', 'bicycle', 'foot')),
  station_id  integer REFERENCES station (id),
  status      text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'busy', 'offline')),
  position    geometry(Point, 4326),
  position_at timestamptz,
  synthetic   boolean NOT NULL DEFAULT false
);
CREATE INDEX unit_position_idx ON unit USING gist (position);

CREATE TABLE unit_position (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES unit (id),
  at      timestamptz NOT NULL,
  geom    geometry(Point, 4326) NOT NULL,
  speed   real,
  heading real
);
CREATE INDEX unit_position_unit_at_idx ON unit_position (unit_id, at);
CREATE INDEX unit_position_geom_idx ON unit_position USING gist (geom);

-- Key material the server signs tokens with when JWT_SECRET is not set; shared by all API copies.
CREATE TABLE server_key (
  name       text PRIMARY KEY,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
