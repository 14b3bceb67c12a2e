-- Stored sessions (SPEC §8), their append-only generation history, and the hybrid comparison
-- logs (SPEC §6). The PostgreSQL script in ../postgresql creates the same tables.
--
-- SQLite has no JSON or timestamp types: JSON is TEXT checked with json_valid(), and instants are
-- TEXT in one fixed ISO-8601 shape (UTC, milliseconds: 2026-11-24T07:30:00.000Z) so that string
-- order is time order. STRICT tables refuse values of the wrong storage class.

CREATE TABLE sessions (
    session_id          TEXT    NOT NULL PRIMARY KEY,
    lifter_id           TEXT,
    week_number         INTEGER NOT NULL CHECK (week_number >= 1),
    block_number        INTEGER NOT NULL CHECK (block_number BETWEEN 1 AND 3),
    primary_lift        TEXT    NOT NULL CHECK (primary_lift IN ('squat', 'bench', 'deadlift')),
    intensity_type      TEXT    NOT NULL CHECK (intensity_type IN ('heavy', 'explosive', 'rep', 'deload')),
    is_deload           INTEGER NOT NULL CHECK (is_deload IN (0, 1)),
    status              TEXT    NOT NULL DEFAULT 'planned',
    planned_sets        TEXT    NOT NULL CHECK (json_valid(planned_sets)),
    jit_generated_at    TEXT    NOT NULL CHECK (jit_generated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    jit_input_snapshot  TEXT    NOT NULL CHECK (json_valid(jit_input_snapshot)),
    jit_strategy        TEXT    NOT NULL CHECK (jit_strategy IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    jit_output          TEXT    NOT NULL CHECK (json_valid(jit_output)),
    -- The revision of the history entry this row currently equals.
    revision            INTEGER NOT NULL CHECK (revision >= 1),
    created_at          TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    updated_at          TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE INDEX sessions_updated_at_idx ON sessions (updated_at DESC);

CREATE TABLE session_generations (
    -- AUTOINCREMENT: an id is never handed out twice, even after the highest row is gone.
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id          TEXT    NOT NULL REFERENCES sessions (session_id),
    revision            INTEGER NOT NULL CHECK (revision >= 1),
    generated_at        TEXT    NOT NULL CHECK (generated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    jit_strategy        TEXT    NOT NULL CHECK (jit_strategy IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    planned_sets        TEXT    NOT NULL CHECK (json_valid(planned_sets)),
    jit_input_snapshot  TEXT    NOT NULL CHECK (json_valid(jit_input_snapshot)),
    jit_output          TEXT    NOT NULL CHECK (json_valid(jit_output)),
    recorded_at         TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT session_generations_revision_uq UNIQUE (session_id, revision)
) STRICT;

-- Nothing is overwritten without a trace: the history only grows.
CREATE TRIGGER session_generations_no_update
BEFORE UPDATE ON session_generations
BEGIN
    SELECT RAISE(ABORT, 'session_generations is append-only: UPDATE rejected');
END;

CREATE TRIGGER session_generations_no_delete
BEFORE DELETE ON session_generations
BEGIN
    SELECT RAISE(ABORT, 'session_generations is append-only: DELETE rejected');
END;

-- No foreign key to sessions: a hybrid run is logged before (and even without) storing it.
CREATE TABLE jit_comparison_logs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    lifter_id           TEXT,
    session_id          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    jit_input           TEXT    NOT NULL CHECK (json_valid(jit_input)),
    formula_output      TEXT    NOT NULL CHECK (json_valid(formula_output)),
    llm_output          TEXT    CHECK (llm_output IS NULL OR json_valid(llm_output)),
    divergence          TEXT    CHECK (divergence IS NULL OR json_valid(divergence)),
    strategy_used       TEXT    NOT NULL CHECK (strategy_used IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    failure_reason      TEXT
) STRICT;

-- The 90-day purge deletes by age.
CREATE INDEX jit_comparison_logs_created_at_idx ON jit_comparison_logs (created_at);
