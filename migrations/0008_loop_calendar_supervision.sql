-- The closed loop's clock and its records: the working calendar (public holidays and make-up
-- working days), the yellow-light moment of the step in progress, extension requests (延期) waiting
-- for approval, and supervision records (督办) of overdue incidents escalated one level up.

-- Days that differ from the Monday–Friday rule: public holidays (working = false) and the
-- weekend days worked in exchange (调休, working = true), as the State Council publishes them
-- each November for the next year (国务院办公厅关于部分节假日安排的通知). A later migration adds a
-- year once it is published.
CREATE TABLE work_calendar_day (
  day     date PRIMARY KEY,
  working boolean NOT NULL,
  name    text NOT NULL
);

INSERT INTO work_calendar_day (day, working, name)
SELECT d::date, false, name
  FROM (VALUES
    -- 2025 (国办发明电〔2024〕12号, 2024-11-12)
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    -- 2026 (国务院办公厅, 2025-11-04)
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
  ) AS h (first_day, last_day, name),
  LATERAL generate_series(first_day::date, last_day::date, interval '1 day') AS d;

INSERT INTO work_calendar_day (day, working, name) VALUES
  ('2025-01-26', true, '春节调休上班'), ('2025-02-08', true, '春节调休上班'),
  ('2025-04-27', true, '劳动节调休上班'),
  ('2025-09-28', true, '国庆节调休上班'), ('2025-10-11', true, '国庆节调休上班'),
  ('2026-01-04', true, '元旦调休上班'),
  ('2026-02-14', true, '春节调休上班'), ('2026-02-28', true, '春节调休上班'),
  ('2026-05-09', true, '劳动节调休上班'),
  ('2026-09-20', true, '国庆节调休上班'), ('2026-10-10', true, '国庆节调休上班');

-- When the step in progress turns yellow (80% of its limit used); step_due_at is when it turns red.
ALTER TABLE incident ADD COLUMN step_warn_at timestamptz;
CREATE INDEX incident_open_step_due_idx ON incident (step_due_at)
  WHERE status IN ('reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified');

-- An extension (延期) asked for by the handling unit; the deadline moves only when it is approved.
CREATE TABLE extension_request (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incident (id),
  requested_by bigint REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  until        timestamptz NOT NULL,                -- the step deadline asked for
  reason       text NOT NULL,
  state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
  decided_by   bigint REFERENCES app_user (id),
  decided_at   timestamptz,
  decision     text
);
CREATE UNIQUE INDEX extension_request_one_pending_idx ON extension_request (incident_id) WHERE state = 'pending';

-- A supervision record (督办): an overdue step, the level it climbed from and to. The incident
-- shows in the queue of the center at to_level until it is closed or climbs again.
CREATE TABLE supervision (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incident (id),
  at          timestamptz NOT NULL,
  status      text NOT NULL,                        -- the step that was overdue
  step_due_at timestamptz NOT NULL,
  from_level  text NOT NULL CHECK (from_level IN ('village', 'town', 'county')),
  to_level    text NOT NULL CHECK (to_level IN ('town', 'county', 'city')),
  next_at     timestamptz NOT NULL                  -- not escalated again before this
);
CREATE INDEX supervision_incident_idx ON supervision (incident_id, id);
CREATE INDEX supervision_level_idx ON supervision (to_level, at);

-- The application role on a PostgreSQL server: everything the API does, but no UPDATE, DELETE or
-- TRUNCATE on the audit trail. NOLOGIN: a login user is made a member of it and the server's
-- connections SET ROLE to it. Roles belong to the whole cluster, so it may exist already; a
-- migrating user without CREATEROLE (and the embedded engine, which has no other users) skips it.
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wangge_app') THEN
      CREATE ROLE wangge_app NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN
    NULL;
  END;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wangge_app') THEN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO wangge_app', current_database());
    GRANT USAGE ON SCHEMA public TO wangge_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wangge_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wangge_app;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO wangge_app;
    -- Tables of later migrations, made by the same migrating user, get the same grants.
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wangge_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wangge_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON incident_event FROM wangge_app;
    REVOKE ALL ON schema_migration FROM wangge_app;
    GRANT SELECT ON schema_migration TO wangge_app;
  END IF;
END
$$;
