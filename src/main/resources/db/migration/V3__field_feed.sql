-- Field feed (issue #5): GPS fixes, duty status changes and sensor alarms from the field, the quarantine of
-- bad messages, and a receipt per message id so a redelivered MQTT message is never stored twice.
-- Portable H2 + PostgreSQL like V1/V2: one ALTER per column, no vendor types or functions.

-- Compact key for a worker in gps_fix: 4 bytes instead of a 26-character id in 100 M+ rows. Numbers are
-- given by the store (highest + 1) and never change; no foreign key to grid_worker, whose rows are
-- replaced when the district is reloaded, while the tracks outlive that.
CREATE TABLE gps_worker (
    worker_no INTEGER     NOT NULL PRIMARY KEY,
    worker_id VARCHAR(40) NOT NULL
);

CREATE UNIQUE INDEX gps_worker_id_uq ON gps_worker (worker_id);

-- One row per fix. fix_key = worker_no * 2^42 + epoch milliseconds (42 bits reach the year 2109), so the
-- primary key orders by worker, then time, and one worker's day is one contiguous key range. A single
-- BIGINT key is H2's row key: the table itself is stored in that order (a composite key would be a second
-- index pointing at rows in arrival order, 316 workers interleaved), so even a cold day reads a few pages.
-- Positions in 1e-7 degrees (about 1 cm; INTEGER holds +-214.7 deg), accuracy in decimetres (NULL when the
-- device gave none, capped at 32767). A second fix of the same worker and millisecond is the same fix: the
-- store skips it as a duplicate.
CREATE TABLE gps_fix (
    fix_key     BIGINT       NOT NULL PRIMARY KEY,
    lon_e7      INTEGER      NOT NULL,
    lat_e7      INTEGER      NOT NULL,
    accuracy_dm SMALLINT,
    message_id  VARCHAR(200) NOT NULL
);

CREATE TABLE worker_status_change (
    message_id VARCHAR(200)             NOT NULL PRIMARY KEY,
    worker_id  VARCHAR(40)              NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    on_duty    BOOLEAN                  NOT NULL
);

CREATE INDEX worker_status_change_worker_idx ON worker_status_change (worker_id, at);

-- "value" is reserved on H2: the reading that raised the alarm is "reading".
CREATE TABLE sensor_alarm (
    message_id VARCHAR(200)             NOT NULL PRIMARY KEY,
    sensor_id  VARCHAR(100)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(100)             NOT NULL,
    lon        DOUBLE PRECISION,
    lat        DOUBLE PRECISION,
    reading    DOUBLE PRECISION,
    unit       VARCHAR(40)
);

CREATE INDEX sensor_alarm_at_idx ON sensor_alarm (at);
CREATE INDEX sensor_alarm_sensor_idx ON sensor_alarm (sensor_id, at);

-- Bad messages, kept whole: the raw payload bytes (BYTEA: BINARY VARYING on H2), the reason code and a
-- sentence. id is a ULID made by the store; message_id is whatever the message said, if anything.
CREATE TABLE feed_quarantine (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    topic       VARCHAR,
    payload     BYTEA,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(40)              NOT NULL,
    detail      VARCHAR,
    message_id  VARCHAR
);

CREATE INDEX feed_quarantine_received_idx ON feed_quarantine (received_at);

-- Idempotent delivery: one row per message id ever stored (accepted or quarantined).
CREATE TABLE feed_receipt (
    message_id  VARCHAR(200)             NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The map's last known position and the duty state follow the feed only forward in time.
ALTER TABLE grid_worker ADD COLUMN last_fix_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE grid_worker ADD COLUMN duty_changed_at TIMESTAMP WITH TIME ZONE;
