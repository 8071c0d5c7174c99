-- PostGIS itself. On a managed server where the application role may not create extensions,
-- a DBA runs this line once; IF NOT EXISTS then makes it a no-op for the application.
CREATE EXTENSION IF NOT EXISTS postgis;
