-- Reporting read model. Portable SQL: runs on H2 (laptop default) and PostgreSQL.

-- Ids of the events already applied, written in the same transaction as their effect:
-- a redelivered or replayed event finds its id here and changes nothing.
CREATE TABLE applied_event (
    event_id    UUID PRIMARY KEY,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The latest tagged state of each suggestion (redacted text only).
CREATE TABLE tagged_suggestion (
    suggestion_id     UUID PRIMARY KEY,
    station_id        VARCHAR(64)  NOT NULL,
    station_district  VARCHAR(32)  NOT NULL,
    text_district     VARCHAR(32),
    subject_district  VARCHAR(32)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    primary_topic     VARCHAR(32)  NOT NULL,
    labels            VARCHAR(200) NOT NULL,
    redacted_text     VARCHAR(10000) NOT NULL,
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    model_version     VARCHAR(64)  NOT NULL,
    taxonomy_version  VARCHAR(64)  NOT NULL,
    last_event_id     UUID         NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tagged_suggestion_station_idx ON tagged_suggestion (station_district, primary_topic, submitted_at);
CREATE INDEX tagged_suggestion_subject_idx ON tagged_suggestion (subject_district, primary_topic, submitted_at);

-- Counters per perspective (station = where collected, subject = named in the text, else the station's)
-- x district x topic: suggestions whose primary topic it is, and mentions (primary or second label).
CREATE TABLE tally_cell (
    perspective    VARCHAR(8)  NOT NULL,
    district       VARCHAR(32) NOT NULL,
    topic          VARCHAR(32) NOT NULL,
    primary_count  BIGINT      NOT NULL,
    mention_count  BIGINT      NOT NULL,
    PRIMARY KEY (perspective, district, topic)
);
