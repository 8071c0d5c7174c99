-- Planner statistics for the freshly loaded tables.
ANALYZE admin_unit, grid, station, staff, incident
