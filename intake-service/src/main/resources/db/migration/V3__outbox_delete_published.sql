-- Published rows are deleted by the relay, so the table only ever holds the backlog.
DROP INDEX outbox_event_pending_idx;
ALTER TABLE outbox_event DROP COLUMN published_at;
