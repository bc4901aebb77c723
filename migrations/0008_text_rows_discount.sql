-- Text rows (a description only: no quantity, price or VAT) and the invoice-level discount, given
-- as document-level allowances per VAT rate (EN 16931 BG-20, BT-107). Both are part of the
-- invoice and freeze with it at issue, like its lines.

ALTER TABLE invoices ADD COLUMN discount_kind TEXT NOT NULL DEFAULT 'none'
    CHECK (discount_kind IN ('none', 'percent', 'amount'));
ALTER TABLE invoices ADD COLUMN discount_value TEXT NOT NULL DEFAULT '0';
-- The sum of the allowances (BT-107), beside the other totals.
ALTER TABLE invoices ADD COLUMN allowance_total TEXT NOT NULL DEFAULT '0';

CREATE TABLE invoice_text_rows (
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    -- The line it is printed before (0-based); the number of lines puts it last.
    before_line         INTEGER NOT NULL CHECK (before_line >= 0),
    text                TEXT NOT NULL,
    PRIMARY KEY (invoice_id, position)
) WITHOUT ROWID;

CREATE TRIGGER invoice_text_rows_frozen_insert BEFORE INSERT ON invoice_text_rows
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_text_rows_frozen_update BEFORE UPDATE ON invoice_text_rows
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;

CREATE TRIGGER invoice_text_rows_frozen_delete BEFORE DELETE ON invoice_text_rows
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:issued_invoice_immutable');
END;
