-- GridCommand base schema. One script for H2 (the seat's local cache) and PostgreSQL (the centre):
-- only types and syntax both accept, no vendor functions, no generated keys.
-- Keys are made by the client (ULIDs, 26 chars; VARCHAR(40) leaves room for external ids such as
-- 20-digit GB/T 28181 camera codes). Instants are stored as TIMESTAMP WITH TIME ZONE written in UTC.
-- Geometry is WKT in VARCHAR without a length: unbounded text on PostgreSQL, the maximum length
-- (1,000,000,000 characters) on H2 2.3; either is far beyond a district outline.
-- Names that are reserved words on either side (key, value, range, case, user) are avoided.

CREATE TABLE meta (
    meta_key   VARCHAR(100) NOT NULL PRIMARY KEY,
    meta_value VARCHAR      NOT NULL
);

CREATE TABLE district (
    admin_code  VARCHAR(12)  NOT NULL PRIMARY KEY,
    name_zh     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    outline_wkt VARCHAR
);

CREATE TABLE big_grid (
    code     VARCHAR(12)  NOT NULL PRIMARY KEY,
    name_zh  VARCHAR(200) NOT NULL,
    name_en  VARCHAR(200) NOT NULL,
    area_wkt VARCHAR
);

CREATE TABLE small_grid (
    code          VARCHAR(15)  NOT NULL PRIMARY KEY,
    big_grid_code VARCHAR(12)  NOT NULL REFERENCES big_grid (code),
    name_zh       VARCHAR(200) NOT NULL,
    name_en       VARCHAR(200) NOT NULL,
    area_wkt      VARCHAR
);

CREATE TABLE grid_head (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_zh       VARCHAR(200) NOT NULL,
    name_en       VARCHAR(200) NOT NULL,
    phone         VARCHAR(40),
    big_grid_code VARCHAR(12)  NOT NULL REFERENCES big_grid (code)
);

CREATE TABLE grid_worker (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_zh         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    phone           VARCHAR(40),
    small_grid_code VARCHAR(15)  NOT NULL REFERENCES small_grid (code),
    duty_status     VARCHAR(20)  NOT NULL,
    last_lon        DOUBLE PRECISION,
    last_lat        DOUBLE PRECISION
);

CREATE INDEX grid_worker_small_grid_idx ON grid_worker (small_grid_code);

-- No foreign key to small_grid: cameras are loaded apart from the layout, and grids get redrawn.
CREATE TABLE camera (
    id              VARCHAR(40)      NOT NULL PRIMARY KEY,
    name_zh         VARCHAR(200)     NOT NULL,
    name_en         VARCHAR(200)     NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    heading_deg     DOUBLE PRECISION NOT NULL,
    fov_deg         DOUBLE PRECISION NOT NULL,
    range_m         DOUBLE PRECISION NOT NULL,
    main_url        VARCHAR(1000),
    sub_url         VARCHAR(1000),
    group_code      VARCHAR(100),
    small_grid_code VARCHAR(15)
);

CREATE TABLE resource (
    id      VARCHAR(40)      NOT NULL PRIMARY KEY,
    kind    VARCHAR(40)      NOT NULL,
    name_zh VARCHAR(200)     NOT NULL,
    name_en VARCHAR(200)     NOT NULL,
    lon     DOUBLE PRECISION NOT NULL,
    lat     DOUBLE PRECISION NOT NULL,
    phone   VARCHAR(40)
);

-- small_grid_code is the grid of the case's time, not a live reference: no foreign key on purpose.
CREATE TABLE cases (
    id              VARCHAR(40)              NOT NULL PRIMARY KEY,
    channel         VARCHAR(40)              NOT NULL,
    category_code   VARCHAR(40),
    lon             DOUBLE PRECISION,
    lat             DOUBLE PRECISION,
    small_grid_code VARCHAR(15),
    address         VARCHAR(1000),
    description     VARCHAR,
    priority        VARCHAR(20)              NOT NULL,
    state           VARCHAR(20)              NOT NULL,
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    dispatched_at   TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    reported_by     VARCHAR(200)
);

CREATE INDEX cases_state_idx ON cases (state);
CREATE INDEX cases_reported_at_idx ON cases (reported_at);
CREATE INDEX cases_small_grid_idx ON cases (small_grid_code);

-- Append-only: the application never updates or deletes here.
CREATE TABLE audit_log (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    operator_name VARCHAR(64)              NOT NULL,
    role          VARCHAR(40)              NOT NULL,
    action        VARCHAR(100)             NOT NULL,
    subject_id    VARCHAR(100),
    detail        VARCHAR
);

CREATE INDEX audit_log_at_idx ON audit_log (at);
