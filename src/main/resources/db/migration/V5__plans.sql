-- Emergency plans (issue #7): a plan run per case, its steps as they were added (the plan file's words are
-- copied, so a revised file never changes a checklist in progress), notes on steps, and every notification sent
-- to a step's call tree with its delivery state. Portable H2 + PostgreSQL like V1-V3. A drill keeps these
-- tables in its own store, never in the live one.

-- One run per case: a level raise changes the run, it does not start another. override_* is a shift
-- supervisor's leave to close with required steps open (withdrawn by a later raise).
CREATE TABLE plan_run (
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    case_id         VARCHAR(40)              NOT NULL REFERENCES cases (id),
    plan_id         VARCHAR(100)             NOT NULL,
    plan_version    VARCHAR(40)              NOT NULL,
    plan_name_zh    VARCHAR(200)             NOT NULL,
    plan_name_en    VARCHAR(200)             NOT NULL,
    response_level  VARCHAR(4)               NOT NULL,
    activated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by    VARCHAR(64)              NOT NULL,
    level_since     TIMESTAMP WITH TIME ZONE NOT NULL,
    override_by     VARCHAR(64),
    override_role   VARCHAR(40),
    override_at     TIMESTAMP WITH TIME ZONE,
    override_reason VARCHAR(2000)
);

CREATE UNIQUE INDEX plan_run_case_uq ON plan_run (case_id);

-- contacts: "LEADER:CODE,DEPARTMENT:CODE" in call-tree order; on_yes/on_no: step keys, comma-separated.
-- gate_key/gate_answer: the branch answer the step waits for. answer: YES/NO of a branch step.
CREATE TABLE plan_step (
    run_id        VARCHAR(40)              NOT NULL REFERENCES plan_run (id),
    step_key      VARCHAR(100)             NOT NULL,
    seq           INTEGER                  NOT NULL,
    step_number   VARCHAR(10)              NOT NULL,
    phase_key     VARCHAR(100)             NOT NULL,
    phase_name_zh VARCHAR(200)             NOT NULL,
    phase_name_en VARCHAR(200)             NOT NULL,
    title_zh      VARCHAR(500)             NOT NULL,
    title_en      VARCHAR(500)             NOT NULL,
    step_role     VARCHAR(40)              NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    action_kind   VARCHAR(20),
    required      BOOLEAN                  NOT NULL,
    step_level    VARCHAR(4)               NOT NULL,
    due_minutes   INTEGER                  NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    contacts      VARCHAR(2000),
    on_yes        VARCHAR(2000),
    on_no         VARCHAR(2000),
    gate_key      VARCHAR(100),
    gate_answer   VARCHAR(3),
    status        VARCHAR(20)              NOT NULL,
    answer        VARCHAR(3),
    done_by       VARCHAR(64),
    done_role     VARCHAR(40),
    done_at       TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(2000),
    PRIMARY KEY (run_id, step_key)
);

-- Append-only: the application never updates or deletes here.
CREATE TABLE plan_note (
    id        VARCHAR(40)              NOT NULL PRIMARY KEY,
    run_id    VARCHAR(40)              NOT NULL REFERENCES plan_run (id),
    step_key  VARCHAR(100)             NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by VARCHAR(64)              NOT NULL,
    note      VARCHAR(2000)            NOT NULL
);

CREATE INDEX plan_note_run_idx ON plan_note (run_id, at);

-- Append-only: one row per message to one contact; a retry is a new row.
CREATE TABLE plan_notification (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    run_id       VARCHAR(40)              NOT NULL REFERENCES plan_run (id),
    case_id      VARCHAR(40)              NOT NULL,
    step_key     VARCHAR(100)             NOT NULL,
    contact      VARCHAR(100)             NOT NULL,
    contact_name VARCHAR(200),
    address      VARCHAR(40),
    message      VARCHAR(2000)            NOT NULL,
    channel      VARCHAR(40)              NOT NULL,
    sent_by      VARCHAR(64)              NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(20)              NOT NULL,
    detail       VARCHAR(2000)
);

CREATE INDEX plan_notification_run_idx ON plan_notification (run_id, sent_at);
