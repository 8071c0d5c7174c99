-- What an exclusive import sets aside while it loads: the secondary indexes of the tables it
-- writes (not the primary keys and unique indexes, which other tables' keys and the import's own
-- skip step rely on) and their foreign keys, each with the statement that makes it again.
-- Read from the catalogue, so an index a later migration adds is handled too. $1 the tables.
SELECT 'index' AS kind, c.relname AS table_name, i.relname AS name, pg_get_indexdef(i.oid) AS definition
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class c ON c.oid = x.indrelid
 WHERE x.indrelid = ANY($1::regclass[]) AND NOT x.indisprimary AND NOT x.indisunique
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
UNION ALL
SELECT 'foreign key', c.relname, k.conname, pg_get_constraintdef(k.oid)
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
 WHERE k.conrelid = ANY($1::regclass[]) AND k.contype = 'f'
 ORDER BY 1, 2, 3
