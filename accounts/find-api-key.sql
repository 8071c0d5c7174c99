-- An active key by the SHA-256 hex of its text ($1); its user is read (and checked active) by findUser.
SELECT k.id, k.name, k.client, k.user_id
  FROM api_key k
 WHERE k.key_hash = $1 AND k.active
