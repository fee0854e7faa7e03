-- Field feed hardening (issue #13). Portable H2 + PostgreSQL like V1-V6: tables whose primary key changes are
-- rebuilt (create, copy, drop, rename) because the two vendors name primary-key constraints differently.
--
-- 1. Message ids are unique per sender only: a device carrying another device's id must never make the
--    other's real message look like a redelivery. Receipts, status changes and alarms are keyed by sender
--    and id. Receipts written before this version carry no sender ('' below): they only ever served
--    redeliveries, which come within minutes of the first delivery.
CREATE TABLE feed_receipt_v7 (
    sender_id   VARCHAR(64)              NOT NULL,
    message_id  VARCHAR(200)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sender_id, message_id)
);
INSERT INTO feed_receipt_v7 (sender_id, message_id, received_at) SELECT '', message_id, received_at FROM feed_receipt;
DROP TABLE feed_receipt;
ALTER TABLE feed_receipt_v7 RENAME TO feed_receipt;
-- Receipt retention deletes by age.
CREATE INDEX feed_receipt_received_idx ON feed_receipt (received_at);

CREATE TABLE worker_status_change_v7 (
    worker_id  VARCHAR(64)              NOT NULL,
    message_id VARCHAR(200)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    on_duty    BOOLEAN                  NOT NULL,
    PRIMARY KEY (worker_id, message_id)
);
INSERT INTO worker_status_change_v7 (worker_id, message_id, at, on_duty)
    SELECT worker_id, message_id, at, on_duty FROM worker_status_change;
DROP TABLE worker_status_change;
ALTER TABLE worker_status_change_v7 RENAME TO worker_status_change;
CREATE INDEX worker_status_change_worker_idx ON worker_status_change (worker_id, at);

CREATE TABLE sensor_alarm_v7 (
    sensor_id  VARCHAR(64)              NOT NULL,
    message_id VARCHAR(200)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(100)             NOT NULL,
    lon        DOUBLE PRECISION,
    lat        DOUBLE PRECISION,
    reading    DOUBLE PRECISION,
    unit       VARCHAR(40),
    PRIMARY KEY (sensor_id, message_id)
);
INSERT INTO sensor_alarm_v7 (sensor_id, message_id, at, kind, lon, lat, reading, unit)
    SELECT sensor_id, message_id, at, kind, lon, lat, reading, unit FROM sensor_alarm;
DROP TABLE sensor_alarm;
ALTER TABLE sensor_alarm_v7 RENAME TO sensor_alarm;
CREATE INDEX sensor_alarm_at_idx ON sensor_alarm (at);
CREATE INDEX sensor_alarm_sensor_idx ON sensor_alarm (sensor_id, at);

-- 2. The quarantine keeps a bounded prefix of each payload with the whole payload's size and SHA-256 (a flood
--    of 20 MB messages must not fill the disk) and the sender the topic named, if any. Rows from before keep
--    their whole payload; their size is filled in, their digest stays unknown.
ALTER TABLE feed_quarantine ADD COLUMN payload_size BIGINT;
ALTER TABLE feed_quarantine ADD COLUMN payload_sha256 VARCHAR(64);
ALTER TABLE feed_quarantine ADD COLUMN sender_id VARCHAR(64);
UPDATE feed_quarantine SET payload_size = OCTET_LENGTH(payload) WHERE payload IS NOT NULL;

-- 3. Who or what wrote each trail line: an officer, a grid worker, a sensor, the hotline, the system. Lines
--    from before: an operator's role means an officer; without one it was a reporter or the system, which
--    the old rows cannot tell apart, so they stay NULL ("not recorded").
ALTER TABLE case_event ADD COLUMN actor_kind VARCHAR(20);
UPDATE case_event SET actor_kind = 'OFFICER' WHERE role IS NOT NULL;

-- 4. Report ids from the field are scoped by their sender ("W0007/<message id>"): up to 64 + 1 + 64 characters.
ALTER TABLE cases ALTER COLUMN report_id SET DATA TYPE VARCHAR(200);
ALTER TABLE case_report ALTER COLUMN report_id SET DATA TYPE VARCHAR(200);
