-- V3 on PostgreSQL stores a generation's documents (input snapshot, output, planned sets) as json
-- text instead of jsonb. SQLite has always stored them as TEXT exactly as written, so there is
-- nothing to change here: this version only keeps the schema's version numbers the same on both
-- databases, and labels the file with it.
PRAGMA user_version = 3;
