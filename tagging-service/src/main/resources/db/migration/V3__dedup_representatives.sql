-- Newcomers are compared with each cluster's representatives only (at most maxRepresentatives per cluster,
-- tagging/dedup.json), so the cost of a suggestion no longer grows with the cluster it joins. Only
-- representatives have band rows. Every suggestion indexed before this stays a representative.
ALTER TABLE dedup_entry ADD COLUMN representative BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX dedup_entry_cluster ON dedup_entry (cluster_id);
