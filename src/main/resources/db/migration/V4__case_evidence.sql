-- Evidence attached to a case: a snapshot of a video tile with the camera, the time the picture was taken,
-- the operator who attached it and the SHA-256 of the PNG. Portable H2 + PostgreSQL like V1-V3.
-- The bytes live in a table of their own: H2 keeps a BYTEA (BINARY VARYING) value inside its row, so a
-- case's list of evidence would otherwise read every picture; PostgreSQL would TOAST them anyway.
-- Append-only like the trail: the application never updates or deletes evidence. event_id is the trail
-- line (action EVIDENCE) written in the same transaction.
CREATE TABLE case_evidence (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    case_id       VARCHAR(40)              NOT NULL REFERENCES cases (id),
    event_id      VARCHAR(40)              NOT NULL REFERENCES case_event (id),
    camera_id     VARCHAR(64)              NOT NULL,
    camera_name   VARCHAR(200),
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attached_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    operator_name VARCHAR(64)              NOT NULL,
    media_type    VARCHAR(40)              NOT NULL,
    width         INTEGER                  NOT NULL,
    height        INTEGER                  NOT NULL,
    size_bytes    BIGINT                   NOT NULL,
    sha256        VARCHAR(64)              NOT NULL
);

CREATE INDEX case_evidence_case_idx ON case_evidence (case_id, attached_at);

CREATE TABLE case_evidence_content (
    evidence_id VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES case_evidence (id),
    content     BYTEA       NOT NULL
);
