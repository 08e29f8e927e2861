-- A row the broker keeps refusing is parked (parked_at set, last_error the reason) instead of being retried first
-- forever; an admin lists and retries parked rows. Later rows of the same key wait behind it (per-key order).
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMP WITH TIME ZONE;
-- The relay claims only the first pending row of each key; this finds "an earlier row of the same key" at once.
CREATE INDEX outbox_event_key_seq_idx ON outbox_event (message_key, seq);
-- seq must follow commit order within a key across instances: writers of one key hold its suggestion's row lock,
-- and a sequence handed out one value at a time (no per-instance blocks of 50) is then monotonic per key.
ALTER SEQUENCE outbox_event_seq INCREMENT BY 1;
