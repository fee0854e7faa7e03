-- Shift handover (交接班): the incoming officer's acknowledgement of a shift's report, one per shift occurrence
-- (shift code + start). Append-only like the audit trail. report_text is the report's canonical text and
-- report_sha256 its digest, so the record proves what was read. VARCHAR without a length is unbounded on
-- PostgreSQL and up to 1,000,000 characters on H2; a report is a few kilobytes.
CREATE TABLE shift_handover (
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    shift_code      VARCHAR(40)              NOT NULL,
    shift_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    shift_to        TIMESTAMP WITH TIME ZONE NOT NULL,
    handed_over_by  VARCHAR(64),
    taken_over_by   VARCHAR(64)              NOT NULL,
    taken_over_role VARCHAR(40)              NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    report_sha256   VARCHAR(64)              NOT NULL,
    report_text     VARCHAR                  NOT NULL,
    CONSTRAINT shift_handover_once UNIQUE (shift_code, shift_from)
);

-- The handover lists a shift's notable trail lines across all cases.
CREATE INDEX case_event_at_idx ON case_event (at);
