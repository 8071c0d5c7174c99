-- Staff ids were given explicitly; move the identity past them.
SELECT setval(pg_get_serial_sequence('staff', 'id'), GREATEST((SELECT max(id) FROM staff), 1))
