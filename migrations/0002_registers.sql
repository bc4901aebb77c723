-- The customer and article registers. Text fields hold '' when not given.

CREATE TABLE customers (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_number         TEXT NOT NULL UNIQUE,
    kind                    TEXT NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'private')),
    name                    TEXT NOT NULL,
    legal_id                TEXT NOT NULL DEFAULT '',
    vat_number              TEXT NOT NULL DEFAULT '',
    street                  TEXT NOT NULL DEFAULT '',
    street2                 TEXT NOT NULL DEFAULT '',
    postal_code             TEXT NOT NULL DEFAULT '',
    city                    TEXT NOT NULL DEFAULT '',
    country_code            TEXT NOT NULL DEFAULT 'SE',
    has_delivery_address    INTEGER NOT NULL DEFAULT 0 CHECK (has_delivery_address IN (0, 1)),
    delivery_street         TEXT NOT NULL DEFAULT '',
    delivery_street2        TEXT NOT NULL DEFAULT '',
    delivery_postal_code    TEXT NOT NULL DEFAULT '',
    delivery_city           TEXT NOT NULL DEFAULT '',
    delivery_country_code   TEXT NOT NULL DEFAULT '',
    email                   TEXT NOT NULL DEFAULT '',
    phone                   TEXT NOT NULL DEFAULT '',
    contact_name            TEXT NOT NULL DEFAULT '',
    our_reference           TEXT NOT NULL DEFAULT '',
    your_reference          TEXT NOT NULL DEFAULT '',
    buyer_reference         TEXT NOT NULL DEFAULT '',
    -- NULL means the company's default terms.
    payment_terms           TEXT,
    currency                TEXT NOT NULL DEFAULT 'SEK',
    language                TEXT NOT NULL DEFAULT 'sv',
    delivery_choice         TEXT NOT NULL DEFAULT 'auto',
    vat_treatment           TEXT NOT NULL DEFAULT 'swedish',
    einvoice_address        TEXT,
    einvoice_checked_at     TEXT,
    notes                   TEXT NOT NULL DEFAULT '',
    archived                INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    -- Name, numbers and ids in lower case (Unicode-aware, done in Rust): SQLite's LIKE only
    -- folds ASCII, and users search for "öberg" expecting "Öberg".
    search_text             TEXT NOT NULL DEFAULT ''
);

CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
-- Searches scan this small covering index instead of the wide customer rows.
CREATE INDEX customers_by_search_text ON customers (search_text);

CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    article_number      TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    unit                TEXT NOT NULL DEFAULT 'st',
    unit_price          TEXT NOT NULL,
    vat_rate_class      TEXT NOT NULL DEFAULT 'standard',
    is_service          INTEGER NOT NULL DEFAULT 0 CHECK (is_service IN (0, 1)),
    archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    search_text         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX articles_by_name ON articles (name COLLATE NOCASE);
