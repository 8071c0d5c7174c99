-- The bulk import writes the first audit row of a million new incidents in one set-based INSERT
-- with the hashes computed in the statement (incidents/import/record-import-events.sql), instead
-- of one trigger call per row: the chain trigger's lock and look-ups were most of the import's
-- audit time. The trigger stands aside only for a row that arrives with its hash AND inside a
-- transaction marked as a bulk load; everywhere else it computes both links as before. Nothing is
-- trusted that way: incident_event_verify() recomputes every hash and link, so a wrong one is
-- reported like any tampering, and UPDATE and DELETE stay refused.
DROP TRIGGER incident_event_chain ON incident_event;
CREATE TRIGGER incident_event_chain
  BEFORE INSERT ON incident_event
  FOR EACH ROW
  WHEN (NEW.hash IS NULL OR coalesce(current_setting('wangge.bulk_load', true), '') <> 'on')
  EXECUTE FUNCTION incident_event_chain();
