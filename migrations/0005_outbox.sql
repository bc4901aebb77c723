-- Sending through AutoInvoice: the outbox (one row per issued invoice to send), the delivery
-- timeline (append-only), and the connection settings that are not secret. Secrets live in the
-- OS keychain only and have no column anywhere.

CREATE TABLE outbox (
    invoice_id          INTEGER PRIMARY KEY REFERENCES invoices (id),
    -- The order in which entries were queued; the worker sends in this order.
    sequence            INTEGER NOT NULL UNIQUE,
    -- The AX `uuid`: chosen once at enqueue and never changed, so a retry can never send twice.
    idempotency_key     TEXT NOT NULL UNIQUE,
    state               TEXT NOT NULL CHECK (state IN
                            ('queued', 'sending', 'handed_over', 'delivered', 'failed', 'handled')),
    -- The customer's delivery choice and its fields at enqueue, as JSON written by the app.
    routing             TEXT NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Milliseconds since the Unix epoch: compared as integers, never as text.
    next_attempt_at     INTEGER NOT NULL,
    last_error_kind     TEXT,
    last_error_sv       TEXT,
    last_error_en       TEXT,
    -- The operator's reasons for a rejection, one per line.
    reasons             TEXT NOT NULL DEFAULT '',
    -- The operator's id of the invoice once handed over.
    remote_id           TEXT,
    -- The channel it was (or is being) delivered by: einvoice, email, print.
    channel             TEXT,
    next_poll_at        INTEGER,
    polls               INTEGER NOT NULL DEFAULT 0 CHECK (polls >= 0),
    -- A failed delivery raises a notice until the user has seen it.
    notice_pending      INTEGER NOT NULL DEFAULT 0 CHECK (notice_pending IN (0, 1)),
    enqueued_at         TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    handed_over_at      TEXT,
    finished_at         TEXT,
    CHECK ((state IN ('queued', 'sending')) OR attempts > 0 OR state = 'handled'),
    CHECK ((state NOT IN ('handed_over', 'delivered')) OR remote_id IS NOT NULL)
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at, sequence);
CREATE INDEX outbox_polls ON outbox (state, next_poll_at);

-- Only issued invoices can be queued.
CREATE TRIGGER outbox_only_issued BEFORE INSERT ON outbox
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'issued'
BEGIN
    SELECT RAISE(ABORT, 'fakturera:outbox_only_issued');
END;

CREATE TRIGGER outbox_key_never_changes BEFORE UPDATE OF idempotency_key, invoice_id, sequence ON outbox
WHEN NEW.idempotency_key IS NOT OLD.idempotency_key
  OR NEW.invoice_id IS NOT OLD.invoice_id
  OR NEW.sequence IS NOT OLD.sequence
BEGIN
    SELECT RAISE(ABORT, 'fakturera:outbox_key_never_changes');
END;

-- An entry is the record that an invoice was sent; it is never removed.
CREATE TRIGGER outbox_rows_are_kept BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'fakturera:outbox_rows_are_kept');
END;

CREATE TABLE delivery_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id      INTEGER NOT NULL REFERENCES outbox (invoice_id),
    at              TEXT NOT NULL,
    -- queued, handed_over, action, failed, rerouted, handled
    kind            TEXT NOT NULL,
    -- For kind = 'action': the operator's CREATED, SENT, DELIVERED, INFO, ERROR.
    action          TEXT,
    channel         TEXT,
    message         TEXT NOT NULL DEFAULT '',
    -- The same operator action read twice is stored once.
    dedupe_key      TEXT,
    UNIQUE (invoice_id, dedupe_key)
);

CREATE INDEX delivery_events_by_invoice ON delivery_events (invoice_id, id);

CREATE TRIGGER delivery_events_no_update BEFORE UPDATE ON delivery_events
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

CREATE TRIGGER delivery_events_no_delete BEFORE DELETE ON delivery_events
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

-- Where AutoInvoice is (production, test server or a sandbox) and how the worker behaves.
-- The on/off switch and the company id are in the company table.
CREATE TABLE autoinvoice_settings (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    environment         TEXT NOT NULL DEFAULT 'production'
                            CHECK (environment IN ('production', 'test', 'sandbox')),
    -- Used when environment = 'sandbox'; production and test have fixed addresses.
    sandbox_url         TEXT NOT NULL DEFAULT '',
    concurrency         INTEGER NOT NULL DEFAULT 4 CHECK (concurrency BETWEEN 1 AND 32),
    -- Set when AutoInvoice refused the credentials: sending waits until they change.
    paused_sv           TEXT,
    paused_en           TEXT
);

INSERT INTO autoinvoice_settings (id) VALUES (1);
