-- Tallies by channel, day and week beside district; distinct near-duplicate clusters per cell; a change counter
-- for live streams; rebuild runs. Portable SQL: H2 and PostgreSQL.
--
-- tally_cell.perspective now holds the dimension (station, subject, channel, day, week, all) and tally_cell.district
-- its bucket (a district code, a channel code, a day 2026-11-20 or an ISO week 2026-W47, both in Asia/Shanghai, or *
-- for the single "all" cell, whose topic is * too). The station and subject rows keep their meaning.
-- A database that already held tallies before this migration gets the new dimensions by a rebuild
-- (POST /api/v1/admin/rebuild).

ALTER TABLE tally_cell ADD COLUMN cluster_count BIGINT DEFAULT 0 NOT NULL;

-- How many of a cluster's suggestions a cell counts; a row only while at least one: a cell's cluster_count is the
-- number of its rows here, maintained incrementally so a distinct count never needs a scan.
CREATE TABLE tally_cluster_member (
    perspective  VARCHAR(8)  NOT NULL,
    district     VARCHAR(32) NOT NULL,
    topic        VARCHAR(32) NOT NULL,
    cluster_id   UUID        NOT NULL,
    members      BIGINT      NOT NULL,
    PRIMARY KEY (perspective, district, topic, cluster_id)
);

-- The tagged event whose model tagging is stored: equal revisions are decided by the greater id, so the stored
-- state never depends on the order events arrive in.
ALTER TABLE tagged_suggestion ADD COLUMN tagging_event_id UUID;
UPDATE tagged_suggestion SET tagging_event_id = last_event_id;

-- Bumped in every transaction that changes a tally: live streams on every instance poll this one row.
CREATE TABLE tally_version (
    id       INTEGER PRIMARY KEY,
    version  BIGINT  NOT NULL
);
INSERT INTO tally_version (id, version) VALUES (1, 0);

-- Rebuilds of the read model from the topics, with their progress, readable from any instance.
CREATE TABLE rebuild_run (
    run_id          UUID         PRIMARY KEY,
    consumer_group  VARCHAR(200) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    caught_up_at    TIMESTAMP WITH TIME ZONE,
    records_target  BIGINT       NOT NULL,
    records_done    BIGINT       NOT NULL,
    records_skipped BIGINT       NOT NULL,
    end_offsets     VARCHAR(4000) NOT NULL,
    failure         VARCHAR(500),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
