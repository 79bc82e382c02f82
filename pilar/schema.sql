-- Schema of data/pilar.duckdb. The build (pilar/build.py) validates the source
-- CSVs first, for readable messages; these constraints are the second line.
-- Before this file the build creates, from pilar/status.py (the only place the status
-- words and their rank are written): the type status_angka (an ENUM, strongest first)
-- and the macros status_rank(s) and status_of_rank(r) that the queries use.
-- Status columns stay VARCHAR (pandas gets plain strings, not categoricals); the CHECK
-- admits exactly the words of status_angka.
CREATE TABLE sumber (
    sumber_id  VARCHAR PRIMARY KEY,
    judul      VARCHAR NOT NULL,
    penerbit   VARCHAR NOT NULL,
    media      VARCHAR,
    tanggal    VARCHAR NOT NULL,
    url        VARCHAR,
    catatan    VARCHAR
);

CREATE TABLE wilayah (
    kode_bps        INTEGER PRIMARY KEY,
    kode_kemendagri VARCHAR NOT NULL UNIQUE,
    nama            VARCHAR NOT NULL,
    nama_pendek     VARCHAR NOT NULL,
    jenis           VARCHAR NOT NULL CHECK (jenis IN ('kabupaten', 'kota'))
);

-- Names and definitions of the pillar types live in the measure catalog (pilar/ukuran.py).
CREATE TABLE pilar_jenis (
    jenis_pilar   VARCHAR PRIMARY KEY,
    satuan        VARCHAR NOT NULL,
    urutan        INTEGER NOT NULL UNIQUE,
    basis_alokasi VARCHAR NOT NULL
);

CREATE TABLE fakta_wilayah (
    kode_bps  INTEGER NOT NULL REFERENCES wilayah (kode_bps),
    indikator VARCHAR NOT NULL,
    nilai     DOUBLE NOT NULL CHECK (nilai >= 0),
    satuan    VARCHAR NOT NULL,
    periode   VARCHAR NOT NULL,
    sumber_id VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    status    VARCHAR NOT NULL CHECK (TRY_CAST(status AS status_angka) IS NOT NULL),
    catatan   VARCHAR,
    PRIMARY KEY (kode_bps, indikator, periode)
);

CREATE TABLE fakta_provinsi (
    indikator VARCHAR NOT NULL,
    nilai     DOUBLE NOT NULL CHECK (nilai >= 0),
    satuan    VARCHAR NOT NULL,
    periode   VARCHAR NOT NULL,
    sumber_id VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    status    VARCHAR NOT NULL CHECK (TRY_CAST(status AS status_angka) IS NOT NULL),
    catatan   VARCHAR,
    PRIMARY KEY (indikator, periode)
);

-- Reference values that are not data of one unit: assumptions, norms, national figures.
CREATE TABLE acuan (
    indikator VARCHAR NOT NULL,
    nilai     DOUBLE NOT NULL CHECK (nilai >= 0),
    satuan    VARCHAR NOT NULL,
    periode   VARCHAR NOT NULL,
    sumber_id VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    status    VARCHAR NOT NULL CHECK (TRY_CAST(status AS status_angka) IS NOT NULL),
    catatan   VARCHAR,
    PRIMARY KEY (indikator, periode)
);

CREATE TABLE kpm (
    kode_bps  INTEGER NOT NULL REFERENCES wilayah (kode_bps),
    program   VARCHAR NOT NULL,
    periode   VARCHAR NOT NULL,
    jumlah    INTEGER NOT NULL CHECK (jumlah >= 0),
    sumber_id VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    status    VARCHAR NOT NULL CHECK (TRY_CAST(status AS status_angka) IS NOT NULL),
    catatan   VARCHAR,
    PRIMARY KEY (kode_bps, program, periode)
);

CREATE TABLE pilar (
    kode_bps    INTEGER NOT NULL REFERENCES wilayah (kode_bps),
    jenis_pilar VARCHAR NOT NULL REFERENCES pilar_jenis (jenis_pilar),
    periode     VARCHAR NOT NULL,
    jumlah      INTEGER NOT NULL CHECK (jumlah >= 0),
    sumber_id   VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    status      VARCHAR NOT NULL CHECK (TRY_CAST(status AS status_angka) IS NOT NULL),
    catatan     VARCHAR,
    PRIMARY KEY (kode_bps, jenis_pilar, periode)
);

-- Build metadata: 'sumber_hash' (fingerprint of the sources this file was built from) and
-- 'skema_versi' (version of this schema and of the status definitions, see build.skema_versi).
CREATE TABLE meta (
    kunci VARCHAR PRIMARY KEY,
    nilai VARCHAR NOT NULL
);

-- The quarter a period falls in ('2025-09-23' and '2025-09' -> '2025-Q3'; '2022-Q2' stays; a year
-- '2025' -> '2025-Q4'): pillar dates and KPM quarters meet on one period scale (the selector's).
CREATE MACRO kuartal(p) AS CASE
    WHEN p LIKE '____-Q_' THEN p
    WHEN length(p) >= 7 THEN substr(p, 1, 4) || '-Q' || CAST((CAST(substr(p, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)
    ELSE p || '-Q4' END;
