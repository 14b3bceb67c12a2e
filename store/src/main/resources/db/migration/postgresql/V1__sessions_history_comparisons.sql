-- Stored sessions (SPEC §8), their append-only generation history, and the hybrid comparison
-- logs (SPEC §6). The SQLite script in ../sqlite creates the same tables with SQLite's types.

CREATE TABLE sessions (
    session_id          text        PRIMARY KEY,
    lifter_id           text,
    week_number         integer     NOT NULL CHECK (week_number >= 1),
    block_number        integer     NOT NULL CHECK (block_number BETWEEN 1 AND 3),
    primary_lift        text        NOT NULL CHECK (primary_lift IN ('squat', 'bench', 'deadlift')),
    intensity_type      text        NOT NULL CHECK (intensity_type IN ('heavy', 'explosive', 'rep', 'deload')),
    is_deload           boolean     NOT NULL,
    status              text        NOT NULL DEFAULT 'planned',
    planned_sets        jsonb       NOT NULL,
    jit_generated_at    timestamptz NOT NULL,
    jit_input_snapshot  jsonb       NOT NULL,
    jit_strategy        text        NOT NULL CHECK (jit_strategy IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    jit_output          jsonb       NOT NULL,
    -- The revision of the history entry this row currently equals; bumped by the upsert, which
    -- row-locks the session, so concurrent regenerations get consecutive revisions.
    revision            integer     NOT NULL CHECK (revision >= 1),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

CREATE INDEX sessions_updated_at_idx ON sessions (updated_at DESC);

CREATE TABLE session_generations (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id          text        NOT NULL REFERENCES sessions (session_id),
    revision            integer     NOT NULL CHECK (revision >= 1),
    generated_at        timestamptz NOT NULL,
    jit_strategy        text        NOT NULL CHECK (jit_strategy IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    planned_sets        jsonb       NOT NULL,
    jit_input_snapshot  jsonb       NOT NULL,
    jit_output          jsonb       NOT NULL,
    recorded_at         timestamptz NOT NULL,
    CONSTRAINT session_generations_revision_uq UNIQUE (session_id, revision)
);

-- Nothing is overwritten without a trace: the history only grows.
CREATE FUNCTION session_generations_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'session_generations is append-only: % rejected', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER session_generations_no_update
    BEFORE UPDATE ON session_generations
    FOR EACH ROW EXECUTE FUNCTION session_generations_append_only();

CREATE TRIGGER session_generations_no_delete
    BEFORE DELETE ON session_generations
    FOR EACH ROW EXECUTE FUNCTION session_generations_append_only();

CREATE TRIGGER session_generations_no_truncate
    BEFORE TRUNCATE ON session_generations
    FOR EACH STATEMENT EXECUTE FUNCTION session_generations_append_only();

-- No foreign key to sessions: a hybrid run is logged before (and even without) storing it.
CREATE TABLE jit_comparison_logs (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lifter_id           text,
    session_id          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    jit_input           jsonb       NOT NULL,
    formula_output      jsonb       NOT NULL,
    llm_output          jsonb,
    divergence          jsonb,
    strategy_used       text        NOT NULL CHECK (strategy_used IN ('formula', 'llm', 'hybrid', 'formula_fallback')),
    failure_reason      text
);

-- The 90-day purge deletes by age.
CREATE INDEX jit_comparison_logs_created_at_idx ON jit_comparison_logs (created_at);
