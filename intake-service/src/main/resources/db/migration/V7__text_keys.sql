-- Crypto-shredding: each suggestion's own key, which seals its raw text on the internal submitted topic (AES-256-GCM,
-- base64). Tagging fetches it through GET /internal/v1/text-keys/{id}; erasure deletes the row, and every copy of the
-- sealed text (the topic, its replicas, backups, the outbox) becomes unreadable.
CREATE TABLE text_key (
    suggestion_id  UUID         PRIMARY KEY REFERENCES suggestion (id),
    key_base64     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
