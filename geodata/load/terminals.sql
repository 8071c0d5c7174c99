-- $1: JSON array of TerminalRow; staff ids are 1-based positions in the staff list.
INSERT INTO terminal (serial, staff_id, synthetic)
SELECT r.serial, r."staffIndex" + 1, true FROM json_to_recordset($1::json) AS r(serial text, "staffIndex" bigint)
