-- Email reminders leave in a second step, after the claim commits (src/store/reminders.ts). A sender
-- takes a row with a lease (`email_lease_until`), so that two ticks at once (the server and
-- `chidao remind`) never both send it; a sender that dies holding the lease leaves the row pending,
-- to be retried once the lease runs out. A failed send is retried on later ticks up to a limit,
-- `email_attempts` counting the tries.
ALTER TABLE reminders ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE reminders ADD COLUMN email_lease_until timestamptz;
CREATE INDEX reminders_email_todo ON reminders (id) WHERE email_state IN ('pending', 'failed');
