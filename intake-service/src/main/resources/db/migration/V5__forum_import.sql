-- Forum bulk import (issue 5). Portable SQL: runs on H2 (laptop default) and PostgreSQL.

-- A forum or symposium whose minutes were imported. station_id is the organising station when the
-- import named one (NULL when it named a district); host_station_id is the station its suggestions
-- are filed under (the named station, or the district's first station by id).
CREATE TABLE forum (
    id               UUID         PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    held_on          DATE         NOT NULL,
    district         VARCHAR(32)  NOT NULL,
    station_id       VARCHAR(64)  REFERENCES station (id),
    host_station_id  VARCHAR(64)  NOT NULL REFERENCES station (id),
    participants     INTEGER      NOT NULL,
    deputies_present INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Names of the deputies present: personal data, kept here only (never in an event, a response or a log line).
CREATE TABLE forum_deputy (
    forum_id  UUID         NOT NULL REFERENCES forum (id),
    seq_no    INTEGER      NOT NULL,
    name      VARCHAR(100) NOT NULL,
    PRIMARY KEY (forum_id, seq_no)
);

-- One import job per request. Its state lives here so that a restart neither loses nor repeats work:
-- the instance holding the lease processes the staged rows in chunks; an expired lease lets any
-- instance resume the job where the last committed chunk left it.
CREATE TABLE forum_import (
    id              UUID          PRIMARY KEY,
    forum_id        UUID          NOT NULL REFERENCES forum (id),
    format          VARCHAR(8)    NOT NULL,
    encoding        VARCHAR(16),
    status          VARCHAR(16)   NOT NULL,
    total_rows      INTEGER       NOT NULL,
    rows_done       INTEGER       NOT NULL,
    accepted        INTEGER       NOT NULL,
    rejected        INTEGER       NOT NULL,
    ignored_columns VARCHAR(2000),
    attempts        INTEGER       NOT NULL,
    lease_owner     UUID,
    lease_until     TIMESTAMP WITH TIME ZONE,
    failure         VARCHAR(500),
    -- Who posted the import (token subject and role; NULL without authentication), for the audit trail.
    requested_by    VARCHAR(200),
    requested_role  VARCHAR(32),
    -- Idempotency-Key of the request, whose keys it is (the caller), and a SHA-256 of the request's content:
    -- a retry with the same key and content gets this job back instead of a second import.
    idempotency_scope VARCHAR(300),
    idempotency_key VARCHAR(200),
    request_hash    VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX forum_import_open_idx ON forum_import (status, lease_until);
-- One job per caller and key; an expired key is cleared before the key is used again.
CREATE UNIQUE INDEX forum_import_idempotency_idx ON forum_import (idempotency_scope, idempotency_key);

-- Rows waiting to be stored, as parsed from the request (may hold contact data). Each is deleted in
-- the transaction that stores or rejects it, so a crash never processes a row twice or loses one.
CREATE TABLE forum_import_row (
    import_id   UUID            NOT NULL REFERENCES forum_import (id),
    row_number  INTEGER         NOT NULL,
    payload     VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

-- The per-row validation report: which field of which row broke which rule (never the value itself).
CREATE TABLE forum_import_rejection (
    import_id   UUID         NOT NULL REFERENCES forum_import (id),
    row_number  INTEGER      NOT NULL,
    seq_no      INTEGER      NOT NULL,
    field       VARCHAR(64)  NOT NULL,
    message     VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, row_number, seq_no)
);

-- Which forum (and which row of which import) each accepted suggestion came from.
CREATE TABLE forum_suggestion (
    suggestion_id UUID    PRIMARY KEY REFERENCES suggestion (id),
    forum_id      UUID    NOT NULL REFERENCES forum (id),
    import_id     UUID    NOT NULL REFERENCES forum_import (id),
    row_number    INTEGER NOT NULL
);
CREATE INDEX forum_suggestion_forum_idx ON forum_suggestion (forum_id);
