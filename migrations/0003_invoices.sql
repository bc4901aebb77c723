-- Invoices and credit invoices with their lines, document-level charges and the VAT summary
-- frozen at issue. Triggers make an issued invoice immutable whatever code touches the file.

CREATE TABLE invoices (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                    TEXT NOT NULL CHECK (kind IN ('invoice', 'credit')),
    status                  TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
    series_id               INTEGER NOT NULL REFERENCES number_series (id),
    number                  INTEGER,
    number_text             TEXT,
    customer_id             INTEGER NOT NULL REFERENCES customers (id),
    credited_invoice_id     INTEGER REFERENCES invoices (id),
    buyer_name              TEXT NOT NULL,
    buyer_org_number        TEXT,
    buyer_vat_number        TEXT,
    buyer_line1             TEXT,
    buyer_line2             TEXT,
    buyer_postal_code       TEXT,
    buyer_city              TEXT,
    buyer_country           TEXT NOT NULL DEFAULT 'SE',
    our_reference           TEXT,
    your_reference          TEXT,
    buyer_reference         TEXT,
    invoice_date            TEXT,
    due_date                TEXT,
    delivery_date           TEXT,
    payment_terms           TEXT NOT NULL,
    currency                TEXT NOT NULL DEFAULT 'SEK',
    exchange_rate           TEXT NOT NULL DEFAULT '1',
    language                TEXT NOT NULL DEFAULT 'sv',
    prices_include_vat      INTEGER NOT NULL DEFAULT 0 CHECK (prices_include_vat IN (0, 1)),
    cash_rounding           INTEGER NOT NULL DEFAULT 1 CHECK (cash_rounding IN (0, 1)),
    late_payment_interest   TEXT,
    ocr_reference           TEXT,
    notes                   TEXT,
    lines_total             TEXT NOT NULL DEFAULT '0',
    charges_total           TEXT NOT NULL DEFAULT '0',
    vat_total               TEXT NOT NULL DEFAULT '0',
    rounding                TEXT NOT NULL DEFAULT '0',
    payable                 TEXT NOT NULL DEFAULT '0',
    -- The payable amount in öre (or cents), only so an index can find invoices by amount.
    payable_minor           INTEGER NOT NULL DEFAULT 0,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    issued_at               TEXT,
    UNIQUE (series_id, number),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((status = 'draft') = (number_text IS NULL)),
    CHECK (status = 'draft' OR (invoice_date IS NOT NULL AND due_date IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK ((kind = 'credit') = (credited_invoice_id IS NOT NULL))
);

CREATE INDEX invoices_by_number_text ON invoices (number_text);
CREATE INDEX invoices_by_customer ON invoices (customer_id, id);
CREATE INDEX invoices_by_payable ON invoices (payable_minor, id);
CREATE INDEX invoices_by_status ON invoices (status, id);
CREATE INDEX invoices_by_credited ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

CREATE TABLE invoice_lines (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    article_id          INTEGER REFERENCES articles (id),
    article_number      TEXT,
    description         TEXT NOT NULL,
    quantity            TEXT NOT NULL,
    unit                TEXT NOT NULL,
    unit_price          TEXT NOT NULL,
    discount_percent    TEXT NOT NULL DEFAULT '0',
    vat_category        TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    vat_exemption_text  TEXT,
    net_amount          TEXT NOT NULL,
    PRIMARY KEY (invoice_id, position)
) WITHOUT ROWID;

CREATE TABLE invoice_charges (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    kind                TEXT NOT NULL CHECK (kind IN ('invoice_fee', 'freight', 'other')),
    description         TEXT NOT NULL,
    amount              TEXT NOT NULL,
    vat_category        TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    vat_exemption_text  TEXT,
    PRIMARY KEY (invoice_id, position)
) WITHOUT ROWID;

-- VAT per category and rate, as computed when the invoice was issued (EN 16931 BG-23).
CREATE TABLE invoice_vat_summary (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    vat_category        TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    taxable_amount      TEXT NOT NULL,
    vat_amount          TEXT NOT NULL,
    vat_exemption_text  TEXT,
    PRIMARY KEY (invoice_id, vat_category, vat_rate)
) WITHOUT ROWID;

-- Issued invoices never change: no UPDATE, no DELETE, and their parts are frozen with them.
CREATE TRIGGER invoices_issued_no_update BEFORE UPDATE ON invoices
WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices
WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

-- An invoice cannot be inserted as already issued: it must go through the issue transition.
CREATE TRIGGER invoices_born_draft BEFORE INSERT ON invoices
WHEN NEW.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

-- A credit invoice may only point at an issued ordinary invoice, never at a credit.
CREATE TRIGGER invoices_credit_target_checked BEFORE INSERT ON invoices
WHEN NEW.credited_invoice_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM invoices o
                 WHERE o.id = NEW.credited_invoice_id AND o.kind = 'invoice' AND o.status = 'issued')
BEGIN
    SELECT RAISE(ABORT, 'fakturera:credit_target_invalid');
END;

CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_charges_frozen_insert BEFORE INSERT ON invoice_charges
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_charges_frozen_update BEFORE UPDATE ON invoice_charges
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_charges_frozen_delete BEFORE DELETE ON invoice_charges
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_vat_summary_frozen_insert BEFORE INSERT ON invoice_vat_summary
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_vat_summary_frozen_update BEFORE UPDATE ON invoice_vat_summary
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_vat_summary_frozen_delete BEFORE DELETE ON invoice_vat_summary
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

-- Numbers already handed out must never be handed out again.
CREATE TRIGGER number_series_never_backwards BEFORE UPDATE OF next_number ON number_series
WHEN NEW.next_number <= (SELECT MAX(number) FROM invoices WHERE series_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'fakturera:series_would_reuse_numbers');
END;

-- A series that numbered invoices is part of their identity and stays.
CREATE TRIGGER number_series_used_kept BEFORE DELETE ON number_series
WHEN EXISTS (SELECT 1 FROM invoices WHERE series_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'fakturera:series_in_use');
END;
