-- The standard address register (标准地址, issue #15): every road, house number, compound, building, unit and point
-- of interest of the district with its point and small grid, so a caller can be located by what they say. The
-- register is replaced or merged by an import in one transaction (address.AddressRepository).
CREATE TABLE standard_address (
    id              VARCHAR(40)      NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)      NOT NULL,
    full_name       VARCHAR(200)     NOT NULL,
    town            VARCHAR(100),
    road            VARCHAR(100),
    house_number    VARCHAR(100),
    compound        VARCHAR(100),
    building        VARCHAR(100),
    unit_number     VARCHAR(100),
    poi             VARCHAR(100),
    lon             DOUBLE PRECISION NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    small_grid_code VARCHAR(15)
);
CREATE INDEX standard_address_grid_idx ON standard_address (small_grid_code);
