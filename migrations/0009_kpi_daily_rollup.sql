-- The KPIs' fast path (stats/compute-kpi.ts). kpi_daily holds the additive KPI figures per Beijing
-- day × county × department, kept by statement-level triggers in the same transaction as every
-- insert, update or delete of incidents (one upsert per statement, of the net change per key).
-- The figures that are not additive read the raw rows through partial indexes instead: the open
-- incidents not yet due at a chosen time (the other open ones are overdue) and the 90th percentile
-- of time to close (read from the top of the close-time index: only the slowest tenth is walked,
-- index-only, so the index carries the columns the query reads).
CREATE TABLE kpi_daily (
  day             date NOT NULL,   -- reported_at in Beijing time
  county_code     text,            -- NULL: outside every grid
  department_code text,
  total           integer NOT NULL DEFAULT 0,
  accepted        integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  merged          integer NOT NULL DEFAULT 0,
  routed          integer NOT NULL DEFAULT 0,
  closed          integer NOT NULL DEFAULT 0,
  on_time         integer NOT NULL DEFAULT 0,
  closed_late     integer NOT NULL DEFAULT 0,
  rework          integer NOT NULL DEFAULT 0,
  reworked        integer NOT NULL DEFAULT 0,
  extensions      integer NOT NULL DEFAULT 0,
  returns         integer NOT NULL DEFAULT 0,
  escalations     integer NOT NULL DEFAULT 0,
  shelved         integer NOT NULL DEFAULT 0,
  self_resolved   integer NOT NULL DEFAULT 0,
  close_seconds   numeric NOT NULL DEFAULT 0,  -- sum of closed_at − reported_at over the closed ones
  satisfaction_sum   integer NOT NULL DEFAULT 0,
  satisfaction_count integer NOT NULL DEFAULT 0,
  UNIQUE NULLS NOT DISTINCT (day, county_code, department_code)
);

-- The statement that adds incidents' contribution to kpi_daily: `source` is a query over incident
-- rows with a sign column s (+1 for new rows, −1 for old ones). Keys whose figures net to zero are
-- not touched, so an update that changes no KPI column locks no rollup row. Returned as text for
-- the trigger to EXECUTE: transition tables are visible only to the trigger function's own queries.
CREATE FUNCTION kpi_daily_sql(source text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN format($q$
    INSERT INTO kpi_daily AS k (day, county_code, department_code, total, accepted, rejected, merged, routed, closed,
                                on_time, closed_late, rework, reworked, extensions, returns, escalations, shelved,
                                self_resolved, close_seconds, satisfaction_sum, satisfaction_count)
    SELECT * FROM (
      SELECT (d.reported_at AT TIME ZONE 'Asia/Shanghai')::date AS day, d.county_code, d.department_code,
             sum(d.s)::int AS total,
             sum(d.s * (d.status NOT IN ('reported', 'rejected', 'merged'))::int)::int AS accepted,
             sum(d.s * (d.status = 'rejected')::int)::int AS rejected,
             sum(d.s * (d.status = 'merged')::int)::int AS merged,
             sum(d.s * (d.status IN ('dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'))::int)::int AS routed,
             sum(d.s * (d.status IN ('closed', 'evaluated'))::int)::int AS closed,
             sum(d.s * (d.status IN ('closed', 'evaluated') AND d.closed_at <= d.due_at)::int)::int AS on_time,
             sum(d.s * (d.status IN ('closed', 'evaluated') AND d.closed_at > d.due_at)::int)::int AS closed_late,
             sum(d.s * d.rework_count)::int AS rework,
             sum(d.s * (d.rework_count > 0)::int)::int AS reworked,
             sum(d.s * d.extension_count)::int AS extensions,
             sum(d.s * d.return_count)::int AS returns,
             sum(d.s * d.escalation_count)::int AS escalations,
             sum(d.s * (d.status = 'shelved')::int)::int AS shelved,
             sum(d.s * d.self_resolved::int)::int AS self_resolved,
             sum(CASE WHEN d.status IN ('closed', 'evaluated') THEN d.s * extract(epoch FROM d.closed_at - d.reported_at) ELSE 0 END) AS close_seconds,
             sum(d.s * COALESCE(d.satisfaction, 0))::int AS satisfaction_sum,
             sum(d.s * (d.satisfaction IS NOT NULL)::int)::int AS satisfaction_count
        FROM (%s) d
       GROUP BY 1, 2, 3) x
     WHERE (x.total, x.accepted, x.rejected, x.merged, x.routed, x.closed, x.on_time, x.closed_late, x.rework, x.reworked,
            x.extensions, x.returns, x.escalations, x.shelved, x.self_resolved, x.close_seconds, x.satisfaction_sum,
            x.satisfaction_count) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3  -- one lock order for every writer
    ON CONFLICT (day, county_code, department_code) DO UPDATE SET
      total = k.total + EXCLUDED.total, accepted = k.accepted + EXCLUDED.accepted, rejected = k.rejected + EXCLUDED.rejected,
      merged = k.merged + EXCLUDED.merged, routed = k.routed + EXCLUDED.routed, closed = k.closed + EXCLUDED.closed,
      on_time = k.on_time + EXCLUDED.on_time, closed_late = k.closed_late + EXCLUDED.closed_late,
      rework = k.rework + EXCLUDED.rework, reworked = k.reworked + EXCLUDED.reworked,
      extensions = k.extensions + EXCLUDED.extensions, returns = k.returns + EXCLUDED.returns,
      escalations = k.escalations + EXCLUDED.escalations, shelved = k.shelved + EXCLUDED.shelved,
      self_resolved = k.self_resolved + EXCLUDED.self_resolved, close_seconds = k.close_seconds + EXCLUDED.close_seconds,
      satisfaction_sum = k.satisfaction_sum + EXCLUDED.satisfaction_sum,
      satisfaction_count = k.satisfaction_count + EXCLUDED.satisfaction_count
  $q$, source);
END
$$;

CREATE FUNCTION kpi_daily_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE kpi_daily_sql('SELECT 1 AS s, * FROM kpi_new_rows');
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE kpi_daily_sql('SELECT 1 AS s, * FROM kpi_new_rows UNION ALL SELECT -1, * FROM kpi_old_rows');
  ELSE
    EXECUTE kpi_daily_sql('SELECT -1 AS s, * FROM kpi_old_rows');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER kpi_daily_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS kpi_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply();
CREATE TRIGGER kpi_daily_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS kpi_old_rows NEW TABLE AS kpi_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply();
CREATE TRIGGER kpi_daily_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS kpi_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply();

CREATE FUNCTION kpi_daily_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kpi_daily;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_daily_truncate AFTER TRUNCATE ON incident FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_clear();

-- What is already there.
DO $$ BEGIN EXECUTE kpi_daily_sql('SELECT 1 AS s, * FROM incident'); END $$;

-- Open incidents by due time.
CREATE INDEX incident_open_due_idx ON incident (due_at) INCLUDE (reported_at, county_code, department_code)
  WHERE status IN ('dispatched', 'signed', 'handled', 'verified');
-- The 90th percentile of time to close, walked from the slowest down: per county and city-wide.
CREATE INDEX incident_close_time_county_idx ON incident (county_code, (closed_at - reported_at) DESC)
  INCLUDE (reported_at, closed_at, department_code) WHERE status IN ('closed', 'evaluated');
CREATE INDEX incident_close_time_idx ON incident ((closed_at - reported_at) DESC)
  INCLUDE (reported_at, closed_at, county_code, department_code) WHERE status IN ('closed', 'evaluated');
