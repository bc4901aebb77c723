-- Bookkeeping: the account map (the user's changes to the BAS defaults, which live in the code),
-- the verification series and financial year, what each SIE export took (so the next can take only
-- what is new, and the same period again gives the same file), and invoices imported from the
-- previous program as opening items.

CREATE TABLE bookkeeping_accounts (
    -- An account key of the program, e.g. 'receivables' or 'sales_swedish_25'.
    key         TEXT PRIMARY KEY,
    account     INTEGER NOT NULL CHECK (account BETWEEN 1000 AND 9999),
    name        TEXT NOT NULL
);

CREATE TABLE bookkeeping_settings (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    invoice_series          TEXT NOT NULL DEFAULT 'B',
    payment_series          TEXT NOT NULL DEFAULT 'C',
    fiscal_year_first_month INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_first_month BETWEEN 1 AND 12)
);

INSERT INTO bookkeeping_settings (id) VALUES (1);

CREATE TABLE sie_exports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    exported_at     TEXT NOT NULL,
    -- The day the file's content was made; #GEN of every file whose newest record it took first.
    generated_on    TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    only_new        INTEGER NOT NULL CHECK (only_new IN (0, 1)),
    verifications   INTEGER NOT NULL,
    new_records     INTEGER NOT NULL,
    file_name       TEXT NOT NULL DEFAULT ''
);

-- Every event an export has taken, with the verification number it got there and keeps for good.
CREATE TABLE sie_exported_records (
    record_kind         TEXT NOT NULL,
    record_id           INTEGER NOT NULL,
    series              TEXT NOT NULL,
    verification_number INTEGER NOT NULL CHECK (verification_number >= 1),
    first_export_id     INTEGER NOT NULL REFERENCES sie_exports (id),
    PRIMARY KEY (record_kind, record_id),
    UNIQUE (series, verification_number)
) WITHOUT ROWID;

CREATE TRIGGER sie_exported_records_kept BEFORE DELETE ON sie_exported_records
BEGIN
    SELECT RAISE(ABORT, 'fakturera:exported_records_kept');
END;

-- Unpaid invoices from the previous program: issued invoices of their own series, numbered as they
-- were there. They are already in the books, so SIE, the VAT return and sending leave them out.
CREATE TABLE opening_items (
    invoice_id      INTEGER PRIMARY KEY REFERENCES invoices (id),
    original_number TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);

CREATE TRIGGER opening_items_kept BEFORE DELETE ON opening_items
BEGIN
    SELECT RAISE(ABORT, 'fakturera:opening_items_kept');
END;

-- An opening item was sent by the previous program; it is never sent again from here.
CREATE TRIGGER outbox_not_for_opening_items BEFORE INSERT ON outbox
WHEN EXISTS (SELECT 1 FROM opening_items WHERE invoice_id = NEW.invoice_id)
BEGIN
    SELECT RAISE(ABORT, 'fakturera:opening_item_not_sent');
END;
