-- Why the tagging service asked for a review (comma-separated codes of contract ReviewReasons), for the
-- analysts' review queue. Null on rows tagged before the field; needs_review still says whether to look.
ALTER TABLE tagged_suggestion ADD COLUMN review_reasons VARCHAR(200);
CREATE INDEX tagged_suggestion_review_idx ON tagged_suggestion (needs_review, submitted_at);
