-- Near-duplicate index of the tagging service, shared by all its instances. Portable SQL (H2, PostgreSQL).
-- Only redacted text is fingerprinted: no personal data is stored here.

-- One row per suggestion: its cluster, and the character-pair shingles the exact similarity is computed on.
CREATE TABLE dedup_entry (
    suggestion_id  VARCHAR(64)     PRIMARY KEY,
    position       BIGINT          NOT NULL UNIQUE,
    cluster_id     VARCHAR(64)     NOT NULL,
    similar_to     VARCHAR(64),
    similarity     DOUBLE PRECISION NOT NULL,
    everyday       BOOLEAN         NOT NULL,
    shingles       VARCHAR(200000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- MinHash LSH band keys: candidates are the suggestions sharing at least one key.
CREATE TABLE dedup_band (
    band_key       BIGINT       NOT NULL,
    suggestion_id  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (band_key, suggestion_id)
);

-- A single row locked by each insertion: instances add one at a time, so "the earlier suggestion"
-- and so every cluster id is the same whichever instance tags which suggestion.
CREATE TABLE dedup_clock (
    id             INTEGER PRIMARY KEY,
    last_position  BIGINT  NOT NULL
);
INSERT INTO dedup_clock (id, last_position) VALUES (1, 0);
