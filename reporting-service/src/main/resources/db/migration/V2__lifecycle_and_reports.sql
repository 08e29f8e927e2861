-- Lifecycle (amend, withdraw), analysts' corrections (re-tag, merge) and what the reports need
-- (keywords, near-duplicate clusters, forums). Portable SQL: H2 and PostgreSQL.
--
-- Every change is order-independent: a suggestion keeps the model tagging of the highest revision seen,
-- the human tag and the cluster merge of the highest correction sequence seen, and withdrawal is final.
-- primary_topic, labels and cluster_id hold the EFFECTIVE values (human over model, merge over engine)
-- that the tallies count; the model's own values are kept beside them.

ALTER TABLE tagged_suggestion ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE tagged_suggestion ADD COLUMN withdrawn BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tagged_suggestion ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tagged_suggestion ADD COLUMN model_primary_topic VARCHAR(32);
ALTER TABLE tagged_suggestion ADD COLUMN model_labels VARCHAR(200);
ALTER TABLE tagged_suggestion ADD COLUMN human_primary_topic VARCHAR(32);
ALTER TABLE tagged_suggestion ADD COLUMN human_labels VARCHAR(200);
ALTER TABLE tagged_suggestion ADD COLUMN human_sequence BIGINT;
ALTER TABLE tagged_suggestion ADD COLUMN needs_review BOOLEAN DEFAULT FALSE NOT NULL;
-- Comma-separated, most salient first (never personal data).
ALTER TABLE tagged_suggestion ADD COLUMN keywords VARCHAR(1000);
ALTER TABLE tagged_suggestion ADD COLUMN model_cluster_id UUID;
ALTER TABLE tagged_suggestion ADD COLUMN cluster_id UUID;
ALTER TABLE tagged_suggestion ADD COLUMN cluster_first_suggestion_id UUID;
ALTER TABLE tagged_suggestion ADD COLUMN merge_sequence BIGINT;
-- A correction or withdrawal may arrive before the suggestion's tagged event: until that arrives the row
-- holds only what the correction says and counts nowhere.
ALTER TABLE tagged_suggestion ADD COLUMN tagged BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN station_id DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN station_district DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN subject_district DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN primary_topic DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN labels DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN redacted_text DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN submitted_at DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN model_version DROP NOT NULL;
ALTER TABLE tagged_suggestion ALTER COLUMN taxonomy_version DROP NOT NULL;
UPDATE tagged_suggestion SET model_primary_topic = primary_topic, model_labels = labels;
CREATE INDEX tagged_suggestion_cluster_idx ON tagged_suggestion (cluster_id);

-- Forums whose minutes were imported (from planconsult.forums.v1): counts only, no names.
CREATE TABLE forum (
    forum_id          UUID PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    held_on           DATE         NOT NULL,
    district          VARCHAR(32)  NOT NULL,
    station_id        VARCHAR(64),
    participants      INTEGER      NOT NULL,
    deputies_present  INTEGER      NOT NULL,
    suggestion_count  INTEGER      NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
