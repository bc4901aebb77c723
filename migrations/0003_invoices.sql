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
    -- The buyer's name again, beside the full snapshot in invoice_buyer, for lists and search.
    buyer_name              TEXT NOT NULL,
    issue_date              TEXT NOT NULL,
    due_date                TEXT NOT NULL,
    delivery_date           TEXT,
    our_reference           TEXT NOT NULL DEFAULT '',
    your_reference          TEXT NOT NULL DEFAULT '',
    buyer_reference         TEXT NOT NULL DEFAULT '',
    order_reference         TEXT NOT NULL DEFAULT '',
    currency                TEXT NOT NULL DEFAULT 'SEK',
    exchange_rate           TEXT NOT NULL DEFAULT '1',
    language                TEXT NOT NULL DEFAULT 'sv',
    price_entry             TEXT NOT NULL DEFAULT 'excluding_vat' CHECK (price_entry IN ('excluding_vat', 'including_vat')),
    rounding_rule           TEXT NOT NULL DEFAULT 'whole_kronor' CHECK (rounding_rule IN ('none', 'whole_kronor')),
    payment_terms           TEXT NOT NULL,
    ocr                     TEXT NOT NULL DEFAULT '',
    notes                   TEXT NOT NULL DEFAULT '',
    line_net_total          TEXT NOT NULL DEFAULT '0',
    charge_total            TEXT NOT NULL DEFAULT '0',
    tax_exclusive           TEXT NOT NULL DEFAULT '0',
    vat_total               TEXT NOT NULL DEFAULT '0',
    tax_inclusive           TEXT NOT NULL DEFAULT '0',
    rounding_amount         TEXT NOT NULL DEFAULT '0',
    payable                 TEXT NOT NULL DEFAULT '0',
    vat_total_sek           TEXT NOT NULL DEFAULT '0',
    payable_sek             TEXT NOT NULL DEFAULT '0',
    -- The payable amount in öre (or cents), only so an index can find invoices by amount.
    payable_minor           INTEGER NOT NULL DEFAULT 0,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    issued_at               TEXT,
    UNIQUE (series_id, number),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((status = 'draft') = (number_text IS NULL)),
    CHECK ((status = 'draft') = (issued_at IS NULL)),
    CHECK ((kind = 'credit') = (credited_invoice_id IS NOT NULL))
);

CREATE INDEX invoices_by_number_text ON invoices (number_text);
CREATE INDEX invoices_by_customer ON invoices (customer_id, id);
CREATE INDEX invoices_by_payable ON invoices (payable_minor, id);
CREATE INDEX invoices_by_status ON invoices (status, id);
CREATE INDEX invoices_by_credited ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

-- The seller as on the invoice: a snapshot of the company when the invoice was saved or issued.
CREATE TABLE invoice_seller (
    invoice_id              INTEGER PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    name                    TEXT NOT NULL,
    org_number              TEXT NOT NULL,
    vat_number              TEXT NOT NULL,
    f_tax_approved          INTEGER NOT NULL,
    street                  TEXT NOT NULL,
    street2                 TEXT NOT NULL,
    postal_code             TEXT NOT NULL,
    city                    TEXT NOT NULL,
    country_code            TEXT NOT NULL,
    phone                   TEXT NOT NULL,
    email                   TEXT NOT NULL,
    website                 TEXT NOT NULL,
    contact_name            TEXT NOT NULL,
    bankgiro                TEXT NOT NULL,
    plusgiro                TEXT NOT NULL,
    iban                    TEXT NOT NULL,
    bic                     TEXT NOT NULL,
    late_payment_interest   TEXT
);

-- The buyer as on the invoice: a snapshot of the customer.
CREATE TABLE invoice_buyer (
    invoice_id              INTEGER PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    customer_number         TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('company', 'private')),
    name                    TEXT NOT NULL,
    legal_id                TEXT NOT NULL,
    vat_number              TEXT NOT NULL,
    street                  TEXT NOT NULL,
    street2                 TEXT NOT NULL,
    postal_code             TEXT NOT NULL,
    city                    TEXT NOT NULL,
    country_code            TEXT NOT NULL,
    has_delivery_address    INTEGER NOT NULL,
    delivery_street         TEXT NOT NULL,
    delivery_street2        TEXT NOT NULL,
    delivery_postal_code    TEXT NOT NULL,
    delivery_city           TEXT NOT NULL,
    delivery_country_code   TEXT NOT NULL,
    email                   TEXT NOT NULL,
    phone                   TEXT NOT NULL,
    contact_name            TEXT NOT NULL,
    einvoice_address        TEXT,
    language                TEXT NOT NULL
);

-- Each line with its VAT snapshot: category, rate and exemption text as they were at issue.
CREATE TABLE invoice_lines (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    article_number      TEXT NOT NULL,
    description         TEXT NOT NULL,
    quantity            TEXT NOT NULL,
    unit                TEXT NOT NULL,
    unit_price          TEXT NOT NULL,
    discount_kind       TEXT NOT NULL CHECK (discount_kind IN ('none', 'percent', 'amount')),
    discount_value      TEXT NOT NULL,
    vat_treatment       TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    vat_category        TEXT NOT NULL,
    vat_exemption_code  TEXT,
    vat_exemption_sv    TEXT,
    vat_exemption_en    TEXT,
    net_amount          TEXT NOT NULL,
    PRIMARY KEY (invoice_id, position)
) WITHOUT ROWID;

-- Document-level charges (invoice fee, freight) with their own VAT.
CREATE TABLE invoice_charges (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    kind                TEXT NOT NULL CHECK (kind IN ('invoice_fee', 'freight')),
    amount              TEXT NOT NULL,
    vat_treatment       TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    vat_category        TEXT NOT NULL,
    vat_exemption_code  TEXT,
    vat_exemption_sv    TEXT,
    vat_exemption_en    TEXT,
    net_amount          TEXT NOT NULL,
    PRIMARY KEY (invoice_id, position)
) WITHOUT ROWID;

-- VAT per category and rate (EN 16931 BG-23), as computed when the invoice was saved or issued.
CREATE TABLE invoice_vat_summary (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    vat_category        TEXT NOT NULL,
    vat_rate            TEXT NOT NULL,
    taxable_amount      TEXT NOT NULL,
    vat_amount          TEXT NOT NULL,
    vat_exemption_code  TEXT,
    vat_exemption_sv    TEXT,
    vat_exemption_en    TEXT,
    PRIMARY KEY (invoice_id, position)
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

-- Issuing takes the number the series just handed out, so raw SQL cannot invent a number
-- or leave a gap: the issue transaction advances the series and numbers the invoice together.
CREATE TRIGGER invoices_issue_takes_series_number BEFORE UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'issued'
 AND (NEW.series_id <> OLD.series_id
      OR NEW.number IS NOT (SELECT next_number - 1 FROM number_series WHERE id = NEW.series_id))
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issue_needs_series_number');
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

CREATE TRIGGER invoice_seller_frozen_insert BEFORE INSERT ON invoice_seller
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_seller_frozen_update BEFORE UPDATE ON invoice_seller
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_seller_frozen_delete BEFORE DELETE ON invoice_seller
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_buyer_frozen_insert BEFORE INSERT ON invoice_buyer
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_buyer_frozen_update BEFORE UPDATE ON invoice_buyer
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_buyer_frozen_delete BEFORE DELETE ON invoice_buyer
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
