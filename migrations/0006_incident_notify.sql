-- Live feed: every new incident, and every change a map desk draws, is announced on the channel
-- incident_changed; api/live-feed.ts relays it to the open streams whose jurisdiction holds it.
-- The payload stays small (NOTIFY payloads are capped at 8000 bytes): the fields a jurisdiction is
-- decided on (incidents/can-see.ts) and what a map needs to place the dot; the rest is read by id.
-- NOTIFYs are sent at commit, so a rolled-back report is never announced.
CREATE FUNCTION incident_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('incident_changed', json_build_object(
    'id', NEW.id,
    'op', lower(TG_OP),
    'status', NEW.status,
    'categoryCode', NEW.category_code,
    'villageCode', NEW.village_code,
    'stationCode', (SELECT s.code FROM station s WHERE s.id = NEW.station_id),
    'departmentCode', NEW.department_code,
    'gridCode', NEW.grid_code,
    'location', json_build_array(ST_X(NEW.location), ST_Y(NEW.location)),
    'reportedAt', to_char(NEW.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text);
  RETURN NULL;
END
$$;

-- A bulk loader (the demo seed, a boundary reassignment) sets wangge.bulk_load = 'on' for its
-- transaction: tens of thousands of announcements nobody is waiting for would only flood the
-- streams. Checked in WHEN so that the function is not even called then.
CREATE TRIGGER incident_notify_insert
  AFTER INSERT ON incident
  FOR EACH ROW WHEN (coalesce(current_setting('wangge.bulk_load', true), '') <> 'on')
  EXECUTE FUNCTION incident_notify();

-- Updates are announced only when a field of the payload changed (not a photo, not a note).
CREATE TRIGGER incident_notify_update
  AFTER UPDATE ON incident
  FOR EACH ROW WHEN (coalesce(current_setting('wangge.bulk_load', true), '') <> 'on'
    AND (OLD.status, OLD.category_code, OLD.village_code, OLD.station_id, OLD.department_code, OLD.grid_code,
         OLD.reported_at, ST_AsBinary(OLD.location))
        IS DISTINCT FROM
        (NEW.status, NEW.category_code, NEW.village_code, NEW.station_id, NEW.department_code, NEW.grid_code,
         NEW.reported_at, ST_AsBinary(NEW.location)))
  EXECUTE FUNCTION incident_notify();
