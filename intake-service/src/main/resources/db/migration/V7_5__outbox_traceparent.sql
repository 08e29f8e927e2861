-- The W3C traceparent of the request that wrote the row, so the relay's send continues that trace (issue 15).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(60);
