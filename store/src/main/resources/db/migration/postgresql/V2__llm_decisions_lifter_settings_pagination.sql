-- SPEC §8's additions: the decision record of every generation that asked a model, the lifters'
-- strategy settings, and what the HTTP API pages and summarises by. Upgrades a V1 database in
-- place. The SQLite script in ../sqlite does the same with SQLite's types.

-- One row per generation that asked a model. Never purged, never changed: it is how a model's
-- decisions are evaluated later.
CREATE TABLE llm_decisions (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id          text        NOT NULL,
    generation_id       bigint      NOT NULL UNIQUE REFERENCES session_generations (id),
    created_at          timestamptz NOT NULL,
    provider            text        NOT NULL CHECK (length(provider) BETWEEN 1 AND 100),
    model               text        NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    prompt_version      text        NOT NULL CHECK (length(prompt_version) BETWEEN 1 AND 64),
    latency_ms          bigint      NOT NULL CHECK (latency_ms >= 0),
    input_tokens        integer     CHECK (input_tokens >= 0),
    output_tokens       integer     CHECK (output_tokens >= 0),
    -- 'used', 'clamped', or the kind of failure ('timeout', 'malformed', ...).
    outcome             text        NOT NULL CHECK (outcome ~ '^[a-z][a-z_]*$'),
    raw_adjustment      jsonb,
    failure_reason      text
);

CREATE INDEX llm_decisions_session_idx ON llm_decisions (session_id);

CREATE FUNCTION llm_decisions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'llm_decisions is append-only: % rejected', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER llm_decisions_no_update
    BEFORE UPDATE ON llm_decisions
    FOR EACH ROW EXECUTE FUNCTION llm_decisions_append_only();

CREATE TRIGGER llm_decisions_no_delete
    BEFORE DELETE ON llm_decisions
    FOR EACH ROW EXECUTE FUNCTION llm_decisions_append_only();

CREATE TRIGGER llm_decisions_no_truncate
    BEFORE TRUNCATE ON llm_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION llm_decisions_append_only();

-- The app's Settings → Developer → JIT Strategy, per lifter.
CREATE TABLE lifter_settings (
    lifter_id           text        PRIMARY KEY CHECK (length(lifter_id) BETWEEN 1 AND 200),
    jit_strategy        text        NOT NULL CHECK (jit_strategy IN ('auto', 'formula', 'llm', 'hybrid')),
    updated_at          timestamptz NOT NULL
);

-- A lifter's sessions, newest first (cursor pagination).
CREATE INDEX sessions_lifter_updated_at_idx ON sessions (lifter_id, updated_at DESC, session_id);

-- The comparison's numbers as columns, so that logs can be filtered and summarised without
-- parsing JSON. surfaced is what the hybrid strategy decided for the lifter (SPEC §6).
ALTER TABLE jit_comparison_logs
    ADD COLUMN weight_pct double precision CHECK (weight_pct >= 0),
    ADD COLUMN set_delta  integer,
    ADD COLUMN surfaced   boolean NOT NULL DEFAULT false;

-- Logs written before V2: the same rule as DivergenceCalculator.shouldSurface (weightPct > 0.15
-- or a different set count), applied once to what they recorded.
UPDATE jit_comparison_logs
   SET weight_pct = (divergence ->> 'weightPct')::double precision,
       set_delta  = (divergence ->> 'setDelta')::integer
 WHERE divergence IS NOT NULL;

UPDATE jit_comparison_logs
   SET surfaced = (weight_pct > 0.15 OR set_delta <> 0)
 WHERE divergence IS NOT NULL;

CREATE INDEX jit_comparison_logs_surfaced_idx ON jit_comparison_logs (created_at) WHERE surfaced = TRUE;
