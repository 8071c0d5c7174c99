-- The KPI rollup triggers (0009) built their statement as text and ran it with EXECUTE, so
-- PostgreSQL parsed and planned that long statement on every insert or update of an incident:
-- 0.8 ms of the 1.1 ms an intake's insert took. Each trigger now gets a function of its own whose
-- statement is written into it once, here, from the same kpi_daily_sql(): static SQL in PL/pgSQL
-- keeps its plan for the session. Transition tables are visible to a trigger function's static
-- queries as to its dynamic ones.
DO $$
BEGIN
  EXECUTE format('CREATE FUNCTION kpi_daily_apply_insert() RETURNS trigger LANGUAGE plpgsql AS %L',
    format('BEGIN %s; RETURN NULL; END', kpi_daily_sql('SELECT 1 AS s, * FROM kpi_new_rows')));
  EXECUTE format('CREATE FUNCTION kpi_daily_apply_update() RETURNS trigger LANGUAGE plpgsql AS %L',
    format('BEGIN %s; RETURN NULL; END', kpi_daily_sql('SELECT 1 AS s, * FROM kpi_new_rows UNION ALL SELECT -1, * FROM kpi_old_rows')));
  EXECUTE format('CREATE FUNCTION kpi_daily_apply_delete() RETURNS trigger LANGUAGE plpgsql AS %L',
    format('BEGIN %s; RETURN NULL; END', kpi_daily_sql('SELECT -1 AS s, * FROM kpi_old_rows')));
END
$$;

DROP TRIGGER kpi_daily_insert ON incident;
DROP TRIGGER kpi_daily_update ON incident;
DROP TRIGGER kpi_daily_delete ON incident;
CREATE TRIGGER kpi_daily_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS kpi_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply_insert();
CREATE TRIGGER kpi_daily_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS kpi_old_rows NEW TABLE AS kpi_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply_update();
CREATE TRIGGER kpi_daily_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS kpi_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_apply_delete();
DROP FUNCTION kpi_daily_apply();
