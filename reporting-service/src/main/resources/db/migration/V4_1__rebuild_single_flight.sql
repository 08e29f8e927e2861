-- One row whose lock serialises rebuild starts across instances: a start locks it (SELECT ... FOR UPDATE), fails a
-- run whose heartbeat stopped, and inserts its own run only if none is alive. Portable SQL: H2 and PostgreSQL.
CREATE TABLE rebuild_guard (
    id  INTEGER PRIMARY KEY
);
INSERT INTO rebuild_guard (id) VALUES (1);
