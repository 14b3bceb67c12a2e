-- A generation's documents (the input snapshot, the output, the planned sets) are stored as json,
-- not jsonb, and the two large ones uncompressed. Nothing queries inside them: they are written
-- once and read back whole. jsonb made the server parse every document into its binary form and
-- pglz-compress the large ones (about 40 % of a batch's time in the backend); json only checks
-- the syntax and keeps the text exactly as sent, as SQLite does. Upgrades a V2 database in place
-- (the tables are rewritten once; jsonb's text becomes the stored text). The SQLite script in
-- ../sqlite records the same version.

ALTER TABLE sessions
    ALTER COLUMN planned_sets       TYPE json USING planned_sets::json,
    ALTER COLUMN jit_input_snapshot TYPE json USING jit_input_snapshot::json,
    ALTER COLUMN jit_output         TYPE json USING jit_output::json;

ALTER TABLE session_generations
    ALTER COLUMN planned_sets       TYPE json USING planned_sets::json,
    ALTER COLUMN jit_input_snapshot TYPE json USING jit_input_snapshot::json,
    ALTER COLUMN jit_output         TYPE json USING jit_output::json;

-- Out of line, not compressed: a few KB each, and compressing them cost more than writing them.
ALTER TABLE sessions
    ALTER COLUMN jit_input_snapshot SET STORAGE EXTERNAL,
    ALTER COLUMN jit_output         SET STORAGE EXTERNAL;

ALTER TABLE session_generations
    ALTER COLUMN jit_input_snapshot SET STORAGE EXTERNAL,
    ALTER COLUMN jit_output         SET STORAGE EXTERNAL;
