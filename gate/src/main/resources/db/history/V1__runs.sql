-- The deploy history. One set of migrations for SQLite and PostgreSQL: portable types only
-- (TEXT, INTEGER, BIGINT, DOUBLE PRECISION), ids made by the gate, times as epoch milliseconds.
CREATE TABLE runs (
    id              TEXT PRIMARY KEY,
    suite           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    target          TEXT NOT NULL,
    shard           TEXT,
    expected_commit TEXT,
    previous_commit TEXT,
    observed_commit TEXT,
    commit_subject  TEXT,
    verdict         TEXT,
    exit_status     INTEGER NOT NULL,
    reason          TEXT NOT NULL,
    rollback        TEXT NOT NULL,
    started_at      BIGINT NOT NULL,
    finished_at     BIGINT NOT NULL,
    run_folder      TEXT
);
CREATE INDEX runs_by_suite ON runs (suite, finished_at);

CREATE TABLE run_checks (
    run_id      TEXT NOT NULL REFERENCES runs (id),
    check_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    summary     TEXT NOT NULL,
    PRIMARY KEY (run_id, check_id)
);

CREATE TABLE run_endpoints (
    run_id      TEXT NOT NULL REFERENCES runs (id),
    endpoint_id TEXT NOT NULL,
    label       TEXT NOT NULL,
    n           INTEGER NOT NULL,
    median_ms   DOUBLE PRECISION NOT NULL,
    p90_ms      DOUBLE PRECISION NOT NULL,
    p95_ms      DOUBLE PRECISION NOT NULL,
    log_mean    DOUBLE PRECISION NOT NULL,
    log_sd      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, endpoint_id)
);

CREATE TABLE run_pages (
    run_id    TEXT NOT NULL REFERENCES runs (id),
    page_id   TEXT NOT NULL,
    bytes     BIGINT,
    requests  INTEGER,
    lcp_ms    DOUBLE PRECISION,
    dom_nodes INTEGER,
    PRIMARY KEY (run_id, page_id)
);

CREATE TABLE run_page_resources (
    run_id        TEXT NOT NULL REFERENCES runs (id),
    page_id       TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    bytes         BIGINT NOT NULL,
    requests      INTEGER NOT NULL,
    PRIMARY KEY (run_id, page_id, resource_type)
);
