-- The assignment rule lives in the SQL function assign_point() (migrations/0004), shared with
-- the bulk importer. $1 lon, $2 lat in WGS-84.
SELECT * FROM assign_point($1::float8, $2::float8)
