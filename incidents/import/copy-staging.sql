COPY import_staging (n, line, id, category, description, address, source, status, reported_at, closed_at,
                     raw_lon, raw_lat, lon, lat) FROM STDIN WITH (FORMAT csv)
