-- Forum imports keep their Idempotency-Keys in idempotency_key like every other POST; the stored reply names the job.
-- Live keys move there so that a retry across the upgrade never starts a second import (their digest was computed
-- differently, so such a retry is refused with 422 rather than replayed).
INSERT INTO idempotency_key (caller, idem_key, request_hash, status, location, body, created_at, expires_at)
SELECT f.idempotency_scope, f.idempotency_key, f.request_hash, 202,
       CONCAT('/api/v1/forums/imports/', CAST(f.id AS VARCHAR(36))), CAST(f.id AS VARCHAR(36)),
       f.created_at, f.created_at + INTERVAL '1' DAY
FROM forum_import f
WHERE f.idempotency_key IS NOT NULL AND f.created_at > CURRENT_TIMESTAMP - INTERVAL '1' DAY
  AND NOT EXISTS (SELECT 1 FROM idempotency_key k
                  WHERE k.caller = f.idempotency_scope AND k.idem_key = f.idempotency_key);
DROP INDEX forum_import_idempotency_idx;
ALTER TABLE forum_import DROP COLUMN idempotency_scope;
ALTER TABLE forum_import DROP COLUMN idempotency_key;
ALTER TABLE forum_import DROP COLUMN request_hash;
