-- $1: JSON array of CategoryClass.
INSERT INTO category_class (code, name, name_en)
SELECT r.code, r.name, r."nameEn" FROM json_to_recordset($1::json) AS r(code text, name text, "nameEn" text)
