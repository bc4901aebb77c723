-- A second e-mail address per customer: where copies of its invoices go (for example the
-- customer's accountant), besides the invoice address in `email`.
ALTER TABLE customers ADD COLUMN copy_email TEXT NOT NULL DEFAULT '';
