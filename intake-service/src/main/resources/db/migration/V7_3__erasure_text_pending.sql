-- Erasure no longer waits for tagging: the contact goes at once, and when the text has not been redacted yet the
-- erasure is remembered here and the raw text replaced as soon as the redacted text arrives (even if withdrawn).
ALTER TABLE suggestion ADD COLUMN text_erasure_requested_at TIMESTAMP WITH TIME ZONE;
