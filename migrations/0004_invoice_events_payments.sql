-- What happened to each invoice (append-only) and its payment state, kept apart from the
-- frozen invoice so that paying never touches an issued row.

CREATE TABLE invoice_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    -- No foreign key: the log outlives a deleted draft, whose ids are never reused (AUTOINCREMENT).
    invoice_id      INTEGER NOT NULL,
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT ''
);

CREATE INDEX invoice_events_by_invoice ON invoice_events (invoice_id, id);

CREATE TRIGGER invoice_events_no_update BEFORE UPDATE ON invoice_events
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

CREATE TRIGGER invoice_events_no_delete BEFORE DELETE ON invoice_events
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

CREATE TABLE invoice_payments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id      INTEGER NOT NULL REFERENCES invoices (id),
    paid_on         TEXT NOT NULL,
    amount          TEXT NOT NULL,
    reference       TEXT,
    recorded_at     TEXT NOT NULL
);

CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id);

-- One row per issued invoice, written at issue and kept current as payments arrive.
CREATE TABLE invoice_payment_state (
    invoice_id      INTEGER PRIMARY KEY REFERENCES invoices (id),
    state           TEXT NOT NULL CHECK (state IN ('unpaid', 'partly_paid', 'paid')),
    paid_amount     TEXT NOT NULL DEFAULT '0',
    due_date        TEXT NOT NULL
);

CREATE INDEX invoice_payment_state_by_state ON invoice_payment_state (state, invoice_id);

-- Payments belong to issued invoices only.
CREATE TRIGGER invoice_payments_need_issued BEFORE INSERT ON invoice_payments
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:payment_needs_issued_invoice');
END;
