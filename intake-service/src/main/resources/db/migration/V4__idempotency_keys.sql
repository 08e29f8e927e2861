-- Idempotency-Key: the first response to a key, stored in the same transaction as the work it did, so a retry
-- (same caller, same key, same body) is answered from here and never creates a second suggestion or event.
CREATE TABLE idempotency_key (
    caller        VARCHAR(200)   NOT NULL,
    idem_key      VARCHAR(200)   NOT NULL,
    request_hash  VARCHAR(64)    NOT NULL,
    status        INTEGER,
    location      VARCHAR(300),
    body          VARCHAR(20000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
