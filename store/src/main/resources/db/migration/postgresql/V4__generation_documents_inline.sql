-- A generation's row keeps its documents in the row itself up to a full page (toast_tuple_target
-- 8160 bytes instead of about 2 KB): a typical generation's input snapshot and output (2 KB and
-- 1.3 KB) then stay in the row, so writing one no longer inserts four TOAST chunks and their
-- index entries (the row and its history copy, two documents each), and the history's copy of the
-- row copies the row. Larger documents still go out of line, uncompressed (V3's STORAGE EXTERNAL).
-- Only new and updated rows are affected; nothing is rewritten. The SQLite script in ../sqlite
-- records the same version.

ALTER TABLE sessions SET (toast_tuple_target = 8160);
ALTER TABLE session_generations SET (toast_tuple_target = 8160);
