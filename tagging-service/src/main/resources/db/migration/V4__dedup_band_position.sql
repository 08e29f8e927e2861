-- A newcomer is compared with the maxCandidates representatives sharing the most band keys with it, the earlier
-- on equal counts (tagging/dedup.json, ClusterRule.shortlist). The representative's insertion position on each of
-- its band rows lets that ranking group and order the matched band rows alone, without a join per row.
ALTER TABLE dedup_band ADD COLUMN position BIGINT;
UPDATE dedup_band SET position = (SELECT e.position FROM dedup_entry e WHERE e.suggestion_id = dedup_band.suggestion_id);
ALTER TABLE dedup_band ALTER COLUMN position SET NOT NULL;
