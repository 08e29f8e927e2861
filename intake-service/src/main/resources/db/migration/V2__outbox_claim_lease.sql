-- The relay claims rows with a lease and sends them outside any database transaction; a lease
-- left by a crashed instance expires and another instance takes the rows over.
ALTER TABLE outbox_event ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
