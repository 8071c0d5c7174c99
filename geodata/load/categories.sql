-- $1: JSON array of Category.
INSERT INTO category (code, class_code, name, name_en, department_code, police_relevant, self_resolvable,
                      exclusive_types, priority, time_limit, time_limit_unit, duplicate_radius_m, duplicate_window_h)
SELECT r.code, r."classCode", r.name, r."nameEn", r."departmentCode", r."policeRelevant", r."selfResolvable",
       ARRAY(SELECT json_array_elements_text(r."exclusiveTypes")), r.priority, r."timeLimit", r."timeLimitUnit",
       r."duplicateRadiusM", r."duplicateWindowH"
  FROM json_to_recordset($1::json) AS r(code text, "classCode" text, name text, "nameEn" text, "departmentCode" text,
                                        "policeRelevant" boolean, "selfResolvable" boolean, "exclusiveTypes" json,
                                        priority smallint, "timeLimit" numeric, "timeLimitUnit" text,
                                        "duplicateRadiusM" integer, "duplicateWindowH" integer)
