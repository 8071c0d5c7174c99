-- A new report with its assignment, routing proposal and the 201 body kept for replays; nothing
-- when the id exists already
-- (a concurrent post of the same id won: the caller then compares payloads).
INSERT INTO incident (id, source, category_code, description, address, location, raw, raw_crs, payload_hash,
                      reported_at, reporter_id, grid_id, grid_code, exclusive_grid_codes, station_id,
                      village_code, town_code, county_code, assign_method, status, handling_level,
                      department_code, assignee_kind, assignee, due_at, received_at, intake_response,
                      step_due_at, step_warn_at)
VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8, $9, $10, $11, $12, $13, $14, $15, $16,
        $17, $18, $19, $20, 'reported', $21, $22, $23, $24, $25, $26, $27, $28, $29)
ON CONFLICT (id) DO NOTHING
RETURNING id
