-- Empties every table of the data model (the audit trail's trigger refuses DELETE and TRUNCATE,
-- so its rows go with the table and the migrations recreate it on the next start).
DROP SCHEMA public CASCADE;
CREATE SCHEMA public;
