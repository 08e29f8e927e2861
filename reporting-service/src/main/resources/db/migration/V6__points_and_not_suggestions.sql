-- Points, texts that are not suggestions, and the review flag in the tallies.
--
-- tagged_suggestion.points: a long text's points as JSON (start and end in the redacted text, topic, labels, district,
-- keywords), null for a text not split; the topic sub-reports quote the passages.
-- A text the tagging service judged not a suggestion (review reason not-a-suggestion) now counts under the tally topic
-- "not-a-suggestion", apart from the key areas and from "other", until an analyst re-tags it.
-- tally_cell gains four dimensions, each district x topic: points-station and points-subject count points (a text not
-- split is one), flagged-station and flagged-subject the suggestions awaiting review. Their codes need 16 characters.
-- A database that already held tallies before this migration gets the new counts by a rebuild
-- (POST /api/v1/admin/rebuild).
ALTER TABLE tagged_suggestion ADD COLUMN points VARCHAR(20000);
ALTER TABLE tally_cell ALTER COLUMN perspective SET DATA TYPE VARCHAR(16);
ALTER TABLE tally_cluster_member ALTER COLUMN perspective SET DATA TYPE VARCHAR(16);
