-- API keys for systems that report without a person signing in: the 12345 hotline (Open311) and the
-- 110 feed. Only the SHA-256 of a key is kept; the key itself is shown once, when it is issued.
-- Each key acts as one service account, whose role and jurisdiction the intake checks as usual.
CREATE TABLE api_key (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL,
  client     text NOT NULL CHECK (client IN ('hotline', '110')),   -- which endpoint the key opens
  key_hash   text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  user_id    bigint NOT NULL REFERENCES app_user (id),
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_key_user_idx ON api_key (user_id);
