-- The company that owns this file (exactly one row) and its invoice number series.
-- Text fields hold '' when not given, as the core's party types do.

CREATE TABLE company (
    id                          INTEGER PRIMARY KEY CHECK (id = 1),
    name                        TEXT NOT NULL DEFAULT '',
    org_number                  TEXT NOT NULL DEFAULT '',
    vat_number                  TEXT NOT NULL DEFAULT '',
    f_tax_approved              INTEGER NOT NULL DEFAULT 0 CHECK (f_tax_approved IN (0, 1)),
    street                      TEXT NOT NULL DEFAULT '',
    street2                     TEXT NOT NULL DEFAULT '',
    postal_code                 TEXT NOT NULL DEFAULT '',
    city                        TEXT NOT NULL DEFAULT '',
    country_code                TEXT NOT NULL DEFAULT 'SE',
    visiting_street             TEXT NOT NULL DEFAULT '',
    visiting_street2            TEXT NOT NULL DEFAULT '',
    visiting_postal_code        TEXT NOT NULL DEFAULT '',
    visiting_city               TEXT NOT NULL DEFAULT '',
    visiting_country_code       TEXT NOT NULL DEFAULT 'SE',
    phone                       TEXT NOT NULL DEFAULT '',
    email                       TEXT NOT NULL DEFAULT '',
    website                     TEXT NOT NULL DEFAULT '',
    contact_name                TEXT NOT NULL DEFAULT '',
    bankgiro                    TEXT NOT NULL DEFAULT '',
    plusgiro                    TEXT NOT NULL DEFAULT '',
    iban                        TEXT NOT NULL DEFAULT '',
    bic                         TEXT NOT NULL DEFAULT '',
    -- Percent per year; NULL means the statutory reference rate + 8.
    late_payment_interest       TEXT,
    default_payment_terms       TEXT NOT NULL DEFAULT 'net:30',
    invoice_fee                 TEXT NOT NULL DEFAULT '0',
    default_delivery            TEXT NOT NULL DEFAULT 'auto',
    language                    TEXT NOT NULL DEFAULT 'sv',
    cash_rounding               INTEGER NOT NULL DEFAULT 1 CHECK (cash_rounding IN (0, 1)),
    autoinvoice_enabled         INTEGER NOT NULL DEFAULT 0 CHECK (autoinvoice_enabled IN (0, 1)),
    autoinvoice_company_id      TEXT NOT NULL DEFAULT '',
    logo                        BLOB,
    logo_media_type             TEXT
);

INSERT INTO company (id) VALUES (1);

-- A deleted company row would leave the file without an owner.
CREATE TRIGGER company_row_is_kept BEFORE DELETE ON company
BEGIN
    SELECT RAISE(ABORT, 'fakturera:company_row_is_kept');
END;

CREATE TABLE number_series (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    prefix          TEXT NOT NULL DEFAULT '',
    next_number     INTEGER NOT NULL CHECK (next_number >= 1),
    is_default      INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
);

-- At most one default series.
CREATE UNIQUE INDEX number_series_one_default ON number_series (is_default) WHERE is_default = 1;

INSERT INTO number_series (name, prefix, next_number, is_default) VALUES ('Fakturor', '', 1, 1);
