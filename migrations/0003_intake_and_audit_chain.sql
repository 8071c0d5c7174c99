-- Intake: the creation response kept for idempotent replays, photos, and the audit hash chain.

-- The 201 body of the creation, returned unchanged when the same id and payload come again.
ALTER TABLE incident ADD COLUMN intake_response jsonb;
-- Who the routing proposes to act (assignee holds their code).
ALTER TABLE incident ADD COLUMN assignee_kind text CHECK (assignee_kind IN ('station', 'exclusive_grid', 'grid'));

CREATE TABLE incident_photo (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incident (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes        bytea NOT NULL,
  size         integer NOT NULL,
  sha256       text NOT NULL,
  uploaded_by  bigint REFERENCES app_user (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (incident_id, sha256)                      -- a retried upload is the same photo
);

-- The text every audit row is hashed over: a JSON array of its fields (unambiguous, unlike a
-- joined string) with the time in a fixed UTC format, so any engine recomputes the same bytes.
CREATE FUNCTION incident_event_canonical(e incident_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(e.id, e.incident_id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           e.actor_id, e.actor_role, e.action, e.from_status, e.to_status, e.note, e.data)::text
$$;

CREATE FUNCTION incident_event_hash(prev_hash text, e incident_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || incident_event_canonical(e), 'UTF8')), 'hex')
$$;

-- Each incident's events form one chain: hash = sha256(prev_hash || canonical row), prev_hash the
-- hash of the incident's previous event. The trigger, not the application, computes both. It
-- locks the incident row first and only then takes the event id, so within an incident the ids
-- follow the chain; chains of different incidents never wait for each other.
CREATE FUNCTION incident_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM incident WHERE id = NEW.incident_id FOR UPDATE;
  NEW.id := nextval(pg_get_serial_sequence('incident_event', 'id'));
  NEW.prev_hash := (SELECT hash FROM incident_event WHERE incident_id = NEW.incident_id ORDER BY id DESC LIMIT 1);
  NEW.hash := incident_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER incident_event_chain
  BEFORE INSERT ON incident_event
  FOR EACH ROW EXECUTE FUNCTION incident_event_chain();

-- Every event whose links or hash do not match what it says: empty when the trail is intact.
CREATE FUNCTION incident_event_verify() RETURNS TABLE (event_id bigint, incident_id uuid, problem text)
LANGUAGE sql STABLE AS $$
  SELECT id, incident_id, problem
    FROM (SELECT e.id, e.incident_id,
                 CASE WHEN e.prev_hash IS DISTINCT FROM lag(e.hash) OVER w THEN 'prev_hash is not the hash of the event before'
                      WHEN e.hash IS DISTINCT FROM incident_event_hash(e.prev_hash, e) THEN 'hash does not match the event'
                 END AS problem
            FROM incident_event e
          WINDOW w AS (PARTITION BY e.incident_id ORDER BY e.id)) checked
   WHERE problem IS NOT NULL
   ORDER BY id
$$;
