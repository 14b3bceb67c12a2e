-- V4 on PostgreSQL keeps a generation's documents inside its row up to a full page. SQLite keeps
-- a row's text in the row (and its overflow pages) already, so there is nothing to change here:
-- this version only keeps the schema's version numbers the same on both databases, and labels
-- the file with it.
PRAGMA user_version = 4;
