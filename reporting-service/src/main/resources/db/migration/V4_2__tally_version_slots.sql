-- The change counter live streams poll, spread over 16 rows: a tally-changing transaction bumps the row of its
-- suggestion's slot, so transactions of different partitions (and instances) no longer queue on one row. Readers
-- poll the sum, which grows whenever any slot does. Portable SQL: H2 and PostgreSQL.
INSERT INTO tally_version (id, version) VALUES (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0),
    (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0);
