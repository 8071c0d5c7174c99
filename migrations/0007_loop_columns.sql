-- The closed loop's bookkeeping on the incident row: when each step happened, the deadline of the
-- step in progress, and the counters the KPIs read (one scan of `incident`, no walk of the trail).
-- The actions (incidents/, issue "closed loop") write them in the same transaction as their audit
-- row; the demo seed fills them for its synthetic history.
ALTER TABLE incident
  ADD COLUMN reviewed_at     timestamptz,                  -- accepted, rejected or merged by a hub
  ADD COLUMN dispatched_at   timestamptz,                  -- the latest dispatch (rework re-dispatches)
  ADD COLUMN signed_at       timestamptz,                  -- 签收 by the receiving unit
  ADD COLUMN handled_at      timestamptz,                  -- the unit's feedback
  ADD COLUMN verified_at     timestamptz,                  -- the field re-check that passed
  ADD COLUMN evaluated_at    timestamptz,                  -- the satisfaction rating
  ADD COLUMN step_due_at     timestamptz,                  -- deadline of the step in progress
  ADD COLUMN rework_count    smallint NOT NULL DEFAULT 0,  -- re-checks that failed
  ADD COLUMN return_count    smallint NOT NULL DEFAULT 0,  -- 退单 by a unit
  ADD COLUMN extension_count smallint NOT NULL DEFAULT 0,  -- approved extensions (延期)
  ADD COLUMN escalation_count smallint NOT NULL DEFAULT 0; -- levels climbed while overdue (督办)
