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

-- The text every audit row is hashed over. Fixed formats, so the verifier recomputes the same bytes.
CREATE FUNCTION incident_event_canonical(e incident_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|', e.id::text, e.incident_id::text,
                   to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                   coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action,
                   coalesce(e.from_status, ''), coalesce(e.to_status, ''), coalesce(e.note, ''),
                   coalesce(e.data::text, ''))
$$;

-- Every new row is chained to the one before it: hash = sha256(prev_hash || canonical row). The
-- trigger, not the application, computes both, under a lock so the chain stays a single line.
CREATE FUNCTION incident_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7302601);
  NEW.prev_hash := (SELECT hash FROM incident_event ORDER BY id DESC LIMIT 1);
  NEW.hash := encode(sha256(convert_to(coalesce(NEW.prev_hash, '') || incident_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
CREATE TRIGGER incident_event_chain
  BEFORE INSERT ON incident_event
  FOR EACH ROW EXECUTE FUNCTION incident_event_chain();
