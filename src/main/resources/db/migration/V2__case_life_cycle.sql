-- Case life cycle: the full report on the case, every stage instant, flags, the append-only trail
-- (case_event) and the reports merged into a case (case_report). Portable H2 + PostgreSQL like V1:
-- one ALTER per column because the two vendors spell multi-column ALTER differently.
-- "level" is avoided as a column name (reserved on some SQL dialects): emergency_level.

ALTER TABLE cases ADD COLUMN report_id VARCHAR(100);
ALTER TABLE cases ADD COLUMN outside_district BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cases ADD COLUMN reporter_name VARCHAR(200);
ALTER TABLE cases ADD COLUMN reporter_contact VARCHAR(100);
-- JSON array of {name, mediaType, sizeBytes, sha256}; the bytes live in the attachment store.
ALTER TABLE cases ADD COLUMN attachments VARCHAR;
ALTER TABLE cases ADD COLUMN event_class VARCHAR(40);
ALTER TABLE cases ADD COLUMN emergency_level VARCHAR(4);
ALTER TABLE cases ADD COLUMN state_reason VARCHAR(2000);
ALTER TABLE cases ADD COLUMN suspended_from VARCHAR(20);
ALTER TABLE cases ADD COLUMN assignee_kind VARCHAR(20);
ALTER TABLE cases ADD COLUMN assignee_code VARCHAR(40);
ALTER TABLE cases ADD COLUMN supervised BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cases ADD COLUMN escalated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cases ADD COLUMN rework_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE cases ADD COLUMN handling_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN fed_back_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN voided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cases ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;

-- V1 marked "outside" only by a missing grid; a located point without one was outside the district.
UPDATE cases SET outside_district = TRUE WHERE small_grid_code IS NULL AND lon IS NOT NULL;
-- V1 kept the voiding instant in closed_at.
UPDATE cases SET voided_at = closed_at WHERE state = 'VOIDED';

-- Idempotent intake: both vendors allow many NULLs under a unique index, so cases without a channel
-- key are unaffected while a second insert of the same key fails even when two submits race.
CREATE UNIQUE INDEX cases_report_id_uq ON cases (report_id);
-- The duplicate check: open cases of a major category reported within a time window.
CREATE INDEX cases_category_reported_idx ON cases (category_code, reported_at);
CREATE INDEX cases_state_reported_idx ON cases (state, reported_at);

-- Append-only trail of every transition: the application never updates or deletes here.
-- role is NULL for a line written by a channel (a grid worker's report), not by an operator on duty.
CREATE TABLE case_event (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    case_id       VARCHAR(40)              NOT NULL REFERENCES cases (id),
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    operator_name VARCHAR(64)              NOT NULL,
    role          VARCHAR(40),
    action        VARCHAR(40)              NOT NULL,
    from_state    VARCHAR(20),
    to_state      VARCHAR(20)              NOT NULL,
    note          VARCHAR
);

CREATE INDEX case_event_case_idx ON case_event (case_id, at);

-- Reports merged into an existing case as duplicates: kept whole, as received (original datum too).
CREATE TABLE case_report (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    case_id          VARCHAR(40)              NOT NULL REFERENCES cases (id),
    merged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    channel          VARCHAR(40)              NOT NULL,
    report_id        VARCHAR(100),
    category_code    VARCHAR(40),
    lon              DOUBLE PRECISION,
    lat              DOUBLE PRECISION,
    datum            VARCHAR(10),
    address          VARCHAR(1000),
    reporter_name    VARCHAR(200),
    reporter_contact VARCHAR(100),
    reported_by      VARCHAR(200),
    description      VARCHAR,
    attachments      VARCHAR,
    priority         VARCHAR(20),
    event_class      VARCHAR(40),
    emergency_level  VARCHAR(4),
    reported_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX case_report_report_id_uq ON case_report (report_id);
CREATE INDEX case_report_case_idx ON case_report (case_id);
