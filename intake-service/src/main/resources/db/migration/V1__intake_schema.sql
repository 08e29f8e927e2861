-- Intake system of record. Portable SQL: runs on H2 (laptop default) and PostgreSQL.

CREATE TABLE station (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    district    VARCHAR(32)  NOT NULL
);

CREATE TABLE suggestion (
    id            UUID          PRIMARY KEY,
    station_id    VARCHAR(64)   NOT NULL REFERENCES station (id),
    channel       VARCHAR(16)   NOT NULL,
    text          VARCHAR(10000) NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    primary_topic VARCHAR(32),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX suggestion_station_received_idx ON suggestion (station_id, received_at);

-- Personal data of the person who made the suggestion: its own table, never in an event or a log line.
CREATE TABLE submitter_contact (
    suggestion_id UUID PRIMARY KEY REFERENCES suggestion (id),
    name          VARCHAR(100),
    phone         VARCHAR(40)
);

-- Transactional outbox: written in the same transaction as the suggestion, relayed to Kafka in seq order.
CREATE SEQUENCE outbox_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE outbox_event (
    seq           BIGINT        PRIMARY KEY,
    event_id      UUID          NOT NULL UNIQUE,
    event_type    VARCHAR(100)  NOT NULL,
    topic         VARCHAR(200)  NOT NULL,
    message_key   VARCHAR(100)  NOT NULL,
    payload       VARCHAR(100000) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE,
    attempts      INTEGER       NOT NULL DEFAULT 0,
    last_error    VARCHAR(500)
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (published_at, seq);
