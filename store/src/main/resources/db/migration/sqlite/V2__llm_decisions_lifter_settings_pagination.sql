-- SPEC §8's additions: the decision record of every generation that asked a model, the lifters'
-- strategy settings, and what the HTTP API pages and summarises by. Upgrades a V1 database in
-- place. The PostgreSQL script in ../postgresql does the same.

-- One row per generation that asked a model. Never purged, never changed: it is how a model's
-- decisions are evaluated later.
CREATE TABLE llm_decisions (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id          TEXT    NOT NULL,
    generation_id       INTEGER NOT NULL UNIQUE REFERENCES session_generations (id),
    created_at          TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    provider            TEXT    NOT NULL CHECK (length(provider) BETWEEN 1 AND 100),
    model               TEXT    NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    prompt_version      TEXT    NOT NULL CHECK (length(prompt_version) BETWEEN 1 AND 64),
    latency_ms          INTEGER NOT NULL CHECK (latency_ms >= 0),
    input_tokens        INTEGER CHECK (input_tokens >= 0),
    output_tokens       INTEGER CHECK (output_tokens >= 0),
    -- 'used', 'clamped', or the kind of failure ('timeout', 'malformed', ...).
    outcome             TEXT    NOT NULL CHECK (outcome GLOB '[a-z]*' AND outcome NOT GLOB '*[^a-z_]*'),
    raw_adjustment      TEXT    CHECK (raw_adjustment IS NULL OR json_valid(raw_adjustment)),
    failure_reason      TEXT
) STRICT;

CREATE INDEX llm_decisions_session_idx ON llm_decisions (session_id);

CREATE TRIGGER llm_decisions_no_update
BEFORE UPDATE ON llm_decisions
BEGIN
    SELECT RAISE(ABORT, 'llm_decisions is append-only: UPDATE rejected');
END;

CREATE TRIGGER llm_decisions_no_delete
BEFORE DELETE ON llm_decisions
BEGIN
    SELECT RAISE(ABORT, 'llm_decisions is append-only: DELETE rejected');
END;

-- The app's Settings → Developer → JIT Strategy, per lifter.
CREATE TABLE lifter_settings (
    lifter_id           TEXT    NOT NULL PRIMARY KEY CHECK (length(lifter_id) BETWEEN 1 AND 200),
    jit_strategy        TEXT    NOT NULL CHECK (jit_strategy IN ('auto', 'formula', 'llm', 'hybrid')),
    updated_at          TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- A lifter's sessions, newest first (cursor pagination).
CREATE INDEX sessions_lifter_updated_at_idx ON sessions (lifter_id, updated_at DESC, session_id);

-- The comparison's numbers as columns, so that logs can be filtered and summarised without
-- parsing JSON. surfaced is what the hybrid strategy decided for the lifter (SPEC §6).
ALTER TABLE jit_comparison_logs ADD COLUMN weight_pct REAL CHECK (weight_pct >= 0);
ALTER TABLE jit_comparison_logs ADD COLUMN set_delta INTEGER;
ALTER TABLE jit_comparison_logs ADD COLUMN surfaced INTEGER NOT NULL DEFAULT 0 CHECK (surfaced IN (0, 1));

-- Logs written before V2: the same rule as DivergenceCalculator.shouldSurface (weightPct > 0.15
-- or a different set count), applied once to what they recorded.
UPDATE jit_comparison_logs
   SET weight_pct = json_extract(divergence, '$.weightPct'),
       set_delta  = json_extract(divergence, '$.setDelta')
 WHERE divergence IS NOT NULL;

UPDATE jit_comparison_logs
   SET surfaced = (weight_pct > 0.15 OR set_delta <> 0)
 WHERE divergence IS NOT NULL;

CREATE INDEX jit_comparison_logs_surfaced_idx ON jit_comparison_logs (created_at) WHERE surfaced = TRUE;
