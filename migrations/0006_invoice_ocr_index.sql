-- Issuing looks up whether an OCR reference is already used by another invoice of this company
-- file (two series whose prefixes differ only in letters give the same digits). The index keeps
-- that lookup off a full scan at 100,000 invoices. Not UNIQUE: files written before this version
-- may already hold such a pair, and a migration must never fail on a user's data.
CREATE INDEX invoices_ocr ON invoices (ocr) WHERE ocr <> '';
