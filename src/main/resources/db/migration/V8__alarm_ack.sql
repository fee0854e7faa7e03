-- The alarm centre (issue #15): which alarm an officer acknowledged, so the ordered list comes back exactly after a
-- restart and every seat of one store agrees. Append-only; one row per alarm key (see alarm.Alarm for the keys).
CREATE TABLE alarm_ack (
    alarm_key       VARCHAR(120)             NOT NULL PRIMARY KEY,
    case_id         VARCHAR(40)              NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    operator_name   VARCHAR(64)              NOT NULL,
    role            VARCHAR(40),
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX alarm_ack_case_idx ON alarm_ack (case_id);
