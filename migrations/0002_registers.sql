-- The customer and article registers.

CREATE TABLE customers (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_number         TEXT NOT NULL UNIQUE,
    name                    TEXT NOT NULL,
    is_private_person       INTEGER NOT NULL DEFAULT 0 CHECK (is_private_person IN (0, 1)),
    org_number              TEXT,
    vat_number              TEXT,
    invoice_line1           TEXT,
    invoice_line2           TEXT,
    invoice_postal_code     TEXT,
    invoice_city            TEXT,
    invoice_country         TEXT NOT NULL DEFAULT 'SE',
    delivery_line1          TEXT,
    delivery_line2          TEXT,
    delivery_postal_code    TEXT,
    delivery_city           TEXT,
    delivery_country        TEXT,
    invoice_email           TEXT,
    phone                   TEXT,
    our_reference           TEXT,
    your_reference          TEXT,
    buyer_reference         TEXT,
    payment_terms           TEXT,
    currency                TEXT NOT NULL DEFAULT 'SEK',
    language                TEXT NOT NULL DEFAULT 'sv',
    delivery_choice         TEXT NOT NULL DEFAULT 'auto',
    vat_treatment           TEXT NOT NULL DEFAULT 'domestic',
    einvoice_address        TEXT,
    einvoice_checked_at     TEXT,
    notes                   TEXT,
    archived                INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);

CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    article_number      TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    unit                TEXT NOT NULL DEFAULT 'st',
    unit_price          TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    is_service          INTEGER NOT NULL DEFAULT 0 CHECK (is_service IN (0, 1)),
    archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE INDEX articles_by_name ON articles (name COLLATE NOCASE);
