-- Who is sending an outbox entry right now, and until when. A worker claims an entry by setting
-- both in the transaction that marks it `sending`; another process leaves the entry alone until
-- the lease ends (or until it can prove the owner is gone), so two processes never post the same
-- entry at once, and one that crashed mid-send is picked up after its lease.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
-- Milliseconds since the Unix epoch, like the other due times.
ALTER TABLE outbox ADD COLUMN lease_until INTEGER;

CREATE INDEX outbox_leases ON outbox (lease_owner) WHERE state = 'sending';

-- Status polls of a handed-over invoice that failed in a row; after enough of them the user gets a
-- notice (the polls go on). A poll that gets an answer sets it back to 0.
ALTER TABLE outbox ADD COLUMN poll_errors INTEGER NOT NULL DEFAULT 0 CHECK (poll_errors >= 0);

-- Numbers a series skipped because the user moved it forward after it had issued invoices: the
-- gap is confirmed and explained, so an auditor finds why those numbers are missing.
CREATE TABLE number_series_gaps (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    series_id       INTEGER NOT NULL REFERENCES number_series (id),
    first_skipped   INTEGER NOT NULL CHECK (first_skipped >= 1),
    last_skipped    INTEGER NOT NULL CHECK (last_skipped >= first_skipped),
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    confirmed_at    TEXT NOT NULL
);

CREATE INDEX number_series_gaps_by_series ON number_series_gaps (series_id, first_skipped);

CREATE TRIGGER number_series_gaps_no_update BEFORE UPDATE ON number_series_gaps
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

CREATE TRIGGER number_series_gaps_no_delete BEFORE DELETE ON number_series_gaps
BEGIN
    SELECT RAISE(ABORT, 'fakturera:event_log_append_only');
END;

-- Once a series has issued invoices, its next number moves only by issuing (one step), or over a
-- gap the user confirmed (a row above for exactly the numbers skipped).
CREATE TRIGGER number_series_moves_only_by_issue_or_confirmed_gap
BEFORE UPDATE OF next_number ON number_series
WHEN NEW.next_number > OLD.next_number + 1
 AND EXISTS (SELECT 1 FROM invoices WHERE series_id = OLD.id AND status = 'issued')
 AND NOT EXISTS (SELECT 1 FROM number_series_gaps
                 WHERE series_id = OLD.id AND first_skipped = OLD.next_number
                   AND last_skipped = NEW.next_number - 1)
BEGIN
    SELECT RAISE(ABORT, 'fakturera:series_gap_unconfirmed');
END;
