-- The tagged event produced for each source event, written in the same transaction as the suggestion's
-- near-duplicate rows: a redelivered source event re-emits exactly this event (same id, same cluster)
-- and never touches the index again. Holds redacted text only, like the public topic.
CREATE TABLE processed_event (
    source_event_id  VARCHAR(36)   PRIMARY KEY,
    suggestion_id    VARCHAR(64)   NOT NULL,
    tagged_event_id  VARCHAR(36)   NOT NULL,
    body             VARCHAR(200000) NOT NULL,
    processed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
