-- Money in: what settles each invoice (payments, credit invoices, write-offs), the bank's payment
-- files (BgMax), reminders, late-payment interest and customer statements. Every record here is
-- written once and never changed: a mistake is reversed by a new record.

-- What is left to pay and where each issued invoice stands, kept by the store from the records
-- below (`Store::refresh_settlement`, which asks the core's one rule). Rebuilt for the new states:
-- overpaid, credited (a credit invoice cancels the whole invoice) and applied (a credit invoice).
-- The amounts are filled in by the program right after this migration.
CREATE TABLE invoice_payment_state_v10 (
    invoice_id      INTEGER PRIMARY KEY REFERENCES invoices (id),
    state           TEXT NOT NULL CHECK (state IN
                        ('unpaid', 'partly_paid', 'paid', 'overpaid', 'credited', 'applied')),
    -- Payments, deductions and refunds, signed (a refund lowers it).
    paid_amount     TEXT NOT NULL DEFAULT '0',
    credited_amount TEXT NOT NULL DEFAULT '0',
    written_off     TEXT NOT NULL DEFAULT '0',
    -- payable - credited - paid - written off: negative when the customer has money to get back.
    remaining       TEXT NOT NULL DEFAULT '0',
    due_date        TEXT NOT NULL,
    -- The day of the last record once nothing is left either way; NULL while open. The ledger of
    -- any day after it can skip the invoice (at 100,000 invoices most are settled long ago).
    settled_on      TEXT
);

INSERT INTO invoice_payment_state_v10 (invoice_id, state, paid_amount, remaining, due_date)
SELECT p.invoice_id, p.state, p.paid_amount, i.payable, p.due_date
FROM invoice_payment_state p JOIN invoices i ON i.id = p.invoice_id;

DROP TABLE invoice_payment_state;
ALTER TABLE invoice_payment_state_v10 RENAME TO invoice_payment_state;
CREATE INDEX invoice_payment_state_by_state ON invoice_payment_state (state, invoice_id);
CREATE INDEX invoice_payment_state_by_settled ON invoice_payment_state (settled_on, invoice_id);


-- Why a document is in the invoices table: a sale, or one of the documents that money-in sends
-- through the same numbering, outbox and timeline as invoices.
ALTER TABLE invoices ADD COLUMN document_kind TEXT NOT NULL DEFAULT 'invoice'
    CHECK (document_kind IN ('invoice', 'reminder', 'interest', 'statement'));
CREATE INDEX invoices_by_document_kind ON invoices (document_kind, id) WHERE document_kind <> 'invoice';

-- The dashboard sums what was invoiced per month without reading the wide invoice rows.
CREATE INDEX invoices_issued_by_date
    ON invoices (issue_date, kind, document_kind, payable_minor, payable, exchange_rate)
    WHERE status = 'issued';

-- The bank's payment files. A file is known by its content and by the bank's own identity
-- (receiving bankgiro and the start record's time stamp), so it is never read twice.
CREATE TABLE bank_files (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    format              TEXT NOT NULL CHECK (format IN ('bgmax')),
    sha256              TEXT NOT NULL UNIQUE,
    file_name           TEXT NOT NULL,
    bank_timestamp      TEXT NOT NULL,
    is_test             INTEGER NOT NULL CHECK (is_test IN (0, 1)),
    receiver_bankgiro   TEXT NOT NULL,
    imported_at         TEXT NOT NULL,
    UNIQUE (format, receiver_bankgiro, bank_timestamp)
);

-- One deposit (insättning) of a file: what reached the bank account on one day.
CREATE TABLE bank_deposits (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id             INTEGER NOT NULL REFERENCES bank_files (id),
    receiver_bankgiro   TEXT NOT NULL,
    currency            TEXT NOT NULL,
    deposit_date        TEXT NOT NULL,
    deposit_serial      TEXT NOT NULL,
    bank_account        TEXT NOT NULL,
    -- Payments less deductions, as the bank booked it.
    amount              TEXT NOT NULL,
    payment_count       INTEGER NOT NULL,
    deposit_type        TEXT NOT NULL DEFAULT ''
);

CREATE INDEX bank_deposits_by_file ON bank_deposits (file_id);
CREATE INDEX bank_deposits_by_date ON bank_deposits (deposit_date);

-- One payment (TK20) or deduction (TK21) as the bank reported it. `identity` is Bankgirot's:
-- receiving bankgiro, day, BGC serial number, record type, amount and reference, so the same
-- payment in a second file is recognised and never booked twice.
CREATE TABLE bank_payments (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    deposit_id          INTEGER NOT NULL REFERENCES bank_deposits (id),
    identity            TEXT NOT NULL UNIQUE,
    line                INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('payment', 'deduction')),
    paid_on             TEXT NOT NULL,
    -- Positive for payments and deductions alike, as in the file; a deduction lowers the deposit.
    amount              TEXT NOT NULL,
    currency            TEXT NOT NULL,
    reference           TEXT NOT NULL,
    reference_code      INTEGER NOT NULL,
    -- TK22 (+) and TK23 (-) references, one per line.
    extra_references    TEXT NOT NULL DEFAULT '',
    information         TEXT NOT NULL DEFAULT '',
    payer_bankgiro      TEXT NOT NULL DEFAULT '',
    payer_name          TEXT NOT NULL DEFAULT '',
    payer_address       TEXT NOT NULL DEFAULT '',
    payer_org_number    TEXT NOT NULL DEFAULT '',
    channel             INTEGER NOT NULL,
    bgc_serial          TEXT NOT NULL,
    has_image           INTEGER NOT NULL DEFAULT 0 CHECK (has_image IN (0, 1)),
    deduction_code      TEXT NOT NULL DEFAULT '',
    imported_at         TEXT NOT NULL
);

CREATE INDEX bank_payments_by_deposit ON bank_payments (deposit_id);

-- A bank payment (or part of one) that could not be placed and was paid back to the payer.
CREATE TABLE bank_payment_refunds (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    bank_payment_id     INTEGER NOT NULL REFERENCES bank_payments (id),
    refunded_on         TEXT NOT NULL,
    amount              TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    recorded_at         TEXT NOT NULL
);

CREATE INDEX bank_payment_refunds_by_payment ON bank_payment_refunds (bank_payment_id);

-- Payments become records of several kinds, with the bank payment they came from, and are never
-- changed: a mistake is reversed by a new row that points at it with the opposite amount.
ALTER TABLE invoice_payments ADD COLUMN kind TEXT NOT NULL DEFAULT 'payment'
    CHECK (kind IN ('payment', 'deduction', 'refund', 'write_off'));
ALTER TABLE invoice_payments ADD COLUMN reverses_id INTEGER REFERENCES invoice_payments (id);
ALTER TABLE invoice_payments ADD COLUMN bank_payment_id INTEGER REFERENCES bank_payments (id);

CREATE UNIQUE INDEX invoice_payments_reversed_once ON invoice_payments (reverses_id)
    WHERE reverses_id IS NOT NULL;
CREATE INDEX invoice_payments_by_bank_payment ON invoice_payments (bank_payment_id)
    WHERE bank_payment_id IS NOT NULL;
CREATE INDEX invoice_payments_by_date ON invoice_payments (paid_on);

-- Reminders (betalningspåminnelser): each is a document of its own (document_kind 'reminder',
-- carrying the fee if any) that names the overdue invoice.
CREATE TABLE reminders (
    document_id         INTEGER PRIMARY KEY REFERENCES invoices (id),
    invoice_id          INTEGER NOT NULL REFERENCES invoices (id),
    level               INTEGER NOT NULL CHECK (level IN (1, 2)),
    created_on          TEXT NOT NULL,
    -- What was left on the invoice when it was reminded, in its currency.
    remaining           TEXT NOT NULL,
    fee                 TEXT NOT NULL,
    pay_by              TEXT NOT NULL,
    UNIQUE (invoice_id, level)
);

-- How reminders, write-offs and interest are made (one row).
CREATE TABLE receivables_settings (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    -- Days after the due date before an invoice is reminded.
    reminder_grace_days     INTEGER NOT NULL DEFAULT 5 CHECK (reminder_grace_days BETWEEN 0 AND 365),
    -- Invoices with less left to pay (in SEK) are not reminded.
    reminder_min_amount     TEXT NOT NULL DEFAULT '50',
    -- The reminder fee, charged only when the customers agreed to it in advance; at most 60 kr.
    reminder_fee_agreed     INTEGER NOT NULL DEFAULT 0 CHECK (reminder_fee_agreed IN (0, 1)),
    reminder_fee            TEXT NOT NULL DEFAULT '0',
    -- Days the customer gets to pay after a reminder.
    reminder_pay_days       INTEGER NOT NULL DEFAULT 10 CHECK (reminder_pay_days BETWEEN 1 AND 90),
    -- Days after a reminder's pay-by date before the next step (second reminder, then inkasso).
    next_step_days          INTEGER NOT NULL DEFAULT 7 CHECK (next_step_days BETWEEN 0 AND 365),
    -- A difference up to this (SEK, either way) may be written off in one step.
    write_off_limit         TEXT NOT NULL DEFAULT '10',
    -- Interest below this (SEK) is not invoiced.
    interest_min_amount     TEXT NOT NULL DEFAULT '50'
);

INSERT INTO receivables_settings (id) VALUES (1);

-- Customers who must never get a reminder (or an interest invoice).
CREATE TABLE reminder_exempt_customers (
    customer_id     INTEGER PRIMARY KEY REFERENCES customers (id),
    note            TEXT NOT NULL DEFAULT ''
);

-- Riksbanken's reference rate (referensränta) per half-year: late-payment interest under the
-- Interest Act (räntelagen 9 §) is this rate plus 8 percentage points. The user adds a row each
-- half-year (1 January and 1 July); published values up to the first half of 2026 are given.
CREATE TABLE reference_rates (
    valid_from      TEXT PRIMARY KEY,
    -- Percent per year.
    rate            TEXT NOT NULL
);

INSERT INTO reference_rates (valid_from, rate) VALUES
    ('2015-01-01', '0'), ('2015-07-01', '0'), ('2016-01-01', '0'), ('2016-07-01', '0'),
    ('2017-01-01', '0'), ('2017-07-01', '0'), ('2018-01-01', '0'), ('2018-07-01', '0'),
    ('2019-01-01', '0'), ('2019-07-01', '0'), ('2020-01-01', '0'), ('2020-07-01', '0'),
    ('2021-01-01', '0'), ('2021-07-01', '0'), ('2022-01-01', '0'), ('2022-07-01', '0.5'),
    ('2023-01-01', '2.5'), ('2023-07-01', '3.5'), ('2024-01-01', '4'), ('2024-07-01', '4'),
    ('2025-01-01', '2.5'), ('2025-07-01', '2'), ('2026-01-01', '2');

-- The lines of an interest invoice (document_kind 'interest'): which invoice was late, for which
-- days, on how much, at which rate. A period is never charged twice.
CREATE TABLE interest_charges (
    document_id     INTEGER NOT NULL REFERENCES invoices (id),
    position        INTEGER NOT NULL,
    invoice_id      INTEGER NOT NULL REFERENCES invoices (id),
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    principal       TEXT NOT NULL,
    rate            TEXT NOT NULL,
    days            INTEGER NOT NULL CHECK (days > 0),
    amount          TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

CREATE INDEX interest_charges_by_invoice ON interest_charges (invoice_id, period_to);

-- Customer statements (kontoutdrag) sent as documents (document_kind 'statement').
CREATE TABLE statements (
    document_id     INTEGER PRIMARY KEY REFERENCES invoices (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    as_of           TEXT NOT NULL,
    -- The balance in SEK on that day.
    balance         TEXT NOT NULL
);

-- The money-in records are history: written once, never changed or removed.
CREATE TRIGGER invoice_payments_no_update BEFORE UPDATE ON invoice_payments
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER invoice_payments_no_delete BEFORE DELETE ON invoice_payments
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_files_no_update BEFORE UPDATE ON bank_files
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_files_no_delete BEFORE DELETE ON bank_files
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_deposits_no_update BEFORE UPDATE ON bank_deposits
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_deposits_no_delete BEFORE DELETE ON bank_deposits
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_payments_no_update BEFORE UPDATE ON bank_payments
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_payments_no_delete BEFORE DELETE ON bank_payments
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_payment_refunds_no_update BEFORE UPDATE ON bank_payment_refunds
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER bank_payment_refunds_no_delete BEFORE DELETE ON bank_payment_refunds
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER interest_charges_no_update BEFORE UPDATE ON interest_charges
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER interest_charges_no_delete BEFORE DELETE ON interest_charges
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
BEGIN
    SELECT RAISE(ABORT, 'fakturera:money_record_immutable');
END;

-- A reversal mirrors the row it reverses: same invoice and kind, and a reversal is not reversed.
CREATE TRIGGER invoice_payments_reversal_mirrors BEFORE INSERT ON invoice_payments
WHEN NEW.reverses_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM invoice_payments o
                 WHERE o.id = NEW.reverses_id AND o.invoice_id = NEW.invoice_id
                   AND o.kind = NEW.kind AND o.reverses_id IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'fakturera:reversal_invalid');
END;
