-- Readable case numbers (issue #15): district code, day, sequence (440402-20261208-0042), given by the store when a
-- case is first stored, in the same transaction, so every seat of one store draws from the same sequence. The ULID
-- stays the key. Cases stored before this migration are numbered once by store.CaseNumbers after it runs.
ALTER TABLE cases ADD COLUMN case_number VARCHAR(32);
CREATE UNIQUE INDEX cases_number_uq ON cases (case_number);
CREATE TABLE case_number_seq (
    day_key     VARCHAR(8) NOT NULL PRIMARY KEY,
    last_number INTEGER    NOT NULL
);
